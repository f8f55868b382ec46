/**
 * The attachment checker island: reads each chosen file's first bytes, shows its findings
 * (on the name it will be sent under), lets the user rename it, and builds the evidence
 * package on request, handing it to the composer (shared/stores.ts drops it, and this island its
 * download link, as soon as the files it was built from change). Thin: checking, naming and the package are src/lib/attachments, loaded
 * as chunks (attachment-checks.ts when files are chosen, evidence-builder.ts to build).
 */
import { base64EncodedSize, formatBytes } from '../../lib/byte-size';
import type {
  AttachmentInput,
  AttachmentReport,
  CompiledAttachmentRules,
} from '../../lib/attachments/check-attachments';
import type { Finding } from '../../lib/rules/ruleset';
import { shanghaiDate } from '../../lib/shanghai-time';
import { renderFindings, summarize } from '../shared/findings-view';
import { lazyChunk } from '../shared/lazy-chunk';
import { $attachmentFindings, $attachments } from '../shared/stores';
import { $evidencePackage, chosenFingerprint, offerEvidencePackage } from '../shared/package-store';
import { readPageData } from '../shared/page-data';
import { defineIsland } from '../shared/define-island';

/** More files than anyone attaches to a mail; beyond it the list would only get slow. */
const MAX_FILES = 50;

interface Item {
  key: number;
  file: File;
  head: Uint8Array;
  /**
   * The name it will be sent under once the user renamed it (typed, or took a suggestion);
   * null: its own name. Findings are about this name, so a rename clears the old name's.
   */
  editedName: string | null;
}

/**
 * The ZIP writer and the streaming SHA-256 are needed only once the user builds the package;
 * choosing and checking files (and the predicted size) works without them.
 */
const packageCode = lazyChunk(() => import('./evidence-builder'), '证据包的打包代码');
/** The checks, needed once a file is chosen (every render with files has them loaded). */
const checksCode = lazyChunk(() => import('./attachment-checks'), '附件检查代码');
type Checks = Awaited<ReturnType<typeof checksCode.load>>;

const readHead = async (file: File, checks: Checks) =>
  new Uint8Array(await file.slice(0, checks.HEAD_BYTES).arrayBuffer());

const sentName = (item: Item) => item.editedName ?? item.file.name;

const today = () => shanghaiDate(Date.now());

class AttachmentChecker extends HTMLElement {
  #items: Item[] = [];
  #nextKey = 0;
  #rules: CompiledAttachmentRules | undefined;
  #base = '/';
  #downloadUrl: string | null = null;
  #building = false;
  #unsubscribe: (() => void) | undefined;

  connectedCallback() {
    this.#base = this.dataset.base ?? '/';
    // A package whose files changed is gone: its link must not offer the old ZIP (the 6.6 MB
    // link used to stay on screen after its files were removed).
    this.#unsubscribe = $evidencePackage.listen((built) => {
      if (built || !this.#downloadUrl) return;
      this.dropDownload(
        this.#items.length > 0
          ? '文件列表已改变，之前生成的证据包已作废（下载链接已移除），邮件也不再附上它。需要证据包请重新生成。'
          : '',
      );
    });
    const picker = this.querySelector<HTMLInputElement>('[data-picker]')!;
    const dropzone = this.querySelector<HTMLElement>('[data-dropzone]')!;
    picker.addEventListener('change', () => {
      void this.add([...(picker.files ?? [])]);
      picker.value = '';
    });
    dropzone.addEventListener('dragenter', (event) => {
      event.preventDefault();
      dropzone.dataset.over = '';
    });
    dropzone.addEventListener('dragover', (event) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    });
    dropzone.addEventListener('dragleave', (event) => {
      if (!dropzone.contains(event.relatedTarget as Node | null)) delete dropzone.dataset.over;
    });
    dropzone.addEventListener('drop', (event) => {
      event.preventDefault();
      delete dropzone.dataset.over;
      void this.add([...(event.dataTransfer?.files ?? [])]);
    });
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      this.#items = [];
      this.render();
      picker.focus();
    });
    this.querySelector('[data-build]')!.addEventListener('click', () => void this.build());
    // Files chosen earlier on this page (another checker) are shown here too, under their names.
    const earlier = $attachments.get();
    if (earlier.length > 0)
      void this.checks().then(async (checks) => {
        if (!checks) return;
        for (const chosen of earlier) {
          if (this.#items.some((item) => item.file === chosen.file)) continue;
          const head = await readHead(chosen.file, checks);
          const editedName = chosen.name === chosen.file.name ? null : chosen.name;
          this.#items.push({ key: this.#nextKey++, file: chosen.file, head, editedName });
        }
        this.render();
      });
  }

  /** The checking code with the rules compiled, or null (the page says why) when it did not load. */
  async checks(): Promise<Checks | null> {
    try {
      const checks = await checksCode.load();
      if (!this.#rules) {
        const data = readPageData('checker');
        this.#rules = checks.compileAttachmentRules(data.ruleset, data.attachmentTypes);
      }
      return checks;
    } catch (error) {
      this.showError((error as Error).message);
      return null;
    }
  }

  disconnectedCallback() {
    this.#unsubscribe?.();
    if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
  }

  /** Removes the package's download link and frees its Blob URL, saying why in `reason`. */
  dropDownload(reason: string) {
    if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = null;
    const link = this.querySelector<HTMLAnchorElement>('[data-download]');
    if (link) {
      link.hidden = true;
      link.removeAttribute('href');
    }
    this.querySelector('[data-package-result]')!.textContent = reason;
  }

  /** Adds files: reads only each one's first bytes, so a 1 GB video is as quick as a screenshot. */
  async add(files: File[]) {
    const problems: string[] = [];
    const room = MAX_FILES - this.#items.length;
    if (files.length > room) {
      problems.push(
        `一次最多检查 ${MAX_FILES} 个文件，后面的 ${files.length - Math.max(room, 0)} 个没有加入。`,
      );
      files = files.slice(0, Math.max(room, 0));
    }
    const checks = await this.checks();
    if (!checks) return;
    const read = await Promise.all(
      files.map(async (file) => {
        try {
          return { file, head: await readHead(file, checks) };
        } catch {
          // A folder dropped as a file, or a file moved away after it was chosen.
          problems.push(`无法读取“${file.name}”：它可能是文件夹，或已被移动、删除。`);
          return null;
        }
      }),
    );
    for (const entry of read) {
      if (entry) this.#items.push({ key: this.#nextKey++, ...entry, editedName: null });
    }
    this.showError(problems.join(' '));
    this.render();
  }

  showError(message: string) {
    const error = this.querySelector<HTMLElement>('[data-error]')!;
    error.textContent = message;
    error.hidden = message === '';
  }

  /** The files as they will be sent: under their new names. */
  inputs(): AttachmentInput[] {
    return this.#items.map((item) => ({
      name: sentName(item),
      size: item.file.size,
      head: item.head,
      lastModified: item.file.lastModified,
    }));
  }

  /** The current checks of the files; with no file chosen the checking code may not be loaded. */
  result(date: string) {
    const checks = checksCode.current;
    if (!checks || !this.#rules || this.#items.length === 0) return null;
    return { checks, result: checks.checkAttachments(this.inputs(), this.#rules, { today: date }) };
  }

  render() {
    const date = today();
    const checked = this.result(date);
    if (!checked) {
      this.renderEmpty();
      return;
    }
    const { checks, result } = checked;
    const names = this.#items.map(sentName);
    $attachments.set(
      this.#items.map((item, index) => ({
        file: item.file,
        name: names[index]!,
        blocked: result.files[index]!.blocked,
        // What the bytes are, not what the extension or the browser's guess says.
        type: checks.mimeForAttachment(result.files[index]!.detected, names[index]!),
      })),
    );

    const list = this.querySelector<HTMLElement>('[data-list]')!;
    list.replaceChildren(...result.files.map((report, index) => this.row(report, index, names, date)));
    renderFindings(this.querySelector('[data-list-findings]')!, result.findings, '', this.#base, {
      select: () => undefined,
      fix: () => undefined,
    });
    const summary = this.querySelector<HTMLElement>('[data-summary]')!;
    summary.hidden = this.#items.length === 0;
    const { total } = result;
    this.querySelector('[data-total]')!.textContent =
      `合计 ${this.#items.length} 个文件，${formatBytes(total.bytes)}；作为附件发送时按 Base64 编码，约 ${formatBytes(total.encodedBytes)}。`;
    this.querySelector('[data-limits]')!.replaceChildren(
      ...total.limits.map((limit) => {
        const item = document.createElement('li');
        item.dataset.fits = String(limit.fits);
        item.textContent = `${limit.fits ? '✓' : '✗'} ${limit.name}（${formatBytes(limit.bytes)}）：${limit.fits ? '放得下' : '放不下'}`;
        return item;
      }),
    );
    const all = [...result.findings, ...result.files.flatMap((report) => report.findings)];
    $attachmentFindings.set(all);
    this.querySelector('[data-status]')!.textContent =
      this.#items.length === 0 ? '' : `${this.#items.length} 个文件。${summarize(all)}`;
    this.renderPackage(checks, result.files, names, date);
  }

  /** No file chosen: nothing to check, so the checking code need not have loaded. */
  renderEmpty() {
    $attachments.set([]);
    $attachmentFindings.set([]);
    this.querySelector('[data-list]')!.replaceChildren();
    this.querySelector('[data-list-findings]')!.replaceChildren();
    this.querySelector<HTMLElement>('[data-summary]')!.hidden = true;
    this.querySelector('[data-status]')!.textContent = '';
  }

  row(report: AttachmentReport, index: number, names: string[], date: string): HTMLElement {
    const item = this.#items[index]!;
    const row = document.createElement('li');
    row.className = 'ks-attachment';
    // The file's own name stays its handle; the name it is sent under is what the row shows.
    row.dataset.attachment = item.file.name;
    row.dataset.sentName = report.name;
    row.dataset.detected = report.detectedType ?? '';
    const head = document.createElement('p');
    head.className = 'ks-attachment__head';
    const title = document.createElement('strong');
    title.textContent = report.name;
    const facts = document.createElement('span');
    facts.textContent = `${report.name === item.file.name ? '' : `（原名 ${item.file.name}）`} ${formatBytes(report.size)} · 内容识别为：${report.detected?.label ?? '未能识别'}`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.dataset.remove = '';
    remove.textContent = '移除';
    remove.setAttribute('aria-label', `移除 ${report.name}`);
    remove.addEventListener('click', () => {
      this.#items = this.#items.filter((candidate) => candidate !== item);
      this.render();
      // Focus stays in the list (it fell to the page's start): the row that took this one's
      // place, else the last row, else the file picker.
      const removes = this.querySelectorAll<HTMLElement>('[data-remove]');
      (
        removes[Math.min(index, removes.length - 1)] ?? this.querySelector<HTMLElement>('[data-picker]')
      )?.focus();
    });
    head.append(title, facts, ' ', remove);

    const nameRow = document.createElement('p');
    nameRow.className = 'ks-attachment__name';
    const inputId = `${this.querySelector('[data-picker]')!.id}-name-${item.key}`;
    const label = document.createElement('label');
    label.htmlFor = inputId;
    label.textContent = '发送时的文件名';
    const input = document.createElement('input');
    input.type = 'text';
    input.id = inputId;
    input.dataset.newName = '';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.value = names[index]!;
    const nameStatus = document.createElement('span');
    nameStatus.dataset.nameStatus = '';
    const updateNameStatus = () => {
      const problems = this.newNameProblems(input.value, index, names, date);
      nameStatus.textContent = problems.length === 0 ? '✓ 符合命名约定' : `✗ ${problems.join(' ')}`;
      nameStatus.dataset.ok = String(problems.length === 0);
    };
    input.addEventListener('input', () => {
      item.editedName = input.value;
      names[index] = input.value;
      updateNameStatus();
      $attachments.set(
        $attachments
          .get()
          .map((chosen) => (chosen.file === item.file ? { ...chosen, name: input.value } : chosen)),
      );
      this.renderPackage(checksCode.current!, null, names, date);
    });
    // Re-check (findings, dedupe, package) once the edit is done, without losing the caret while typing.
    input.addEventListener('change', () => this.render());
    if (!report.blocked) updateNameStatus();
    nameRow.append(label, input, nameStatus);

    const findings = document.createElement('ol');
    findings.className = 'ks-findings';
    findings.setAttribute('aria-label', `${report.name} 的检查结果`);
    renderFindings(findings, report.findings, '', this.#base, {
      select: () => input.focus(),
      fix: (finding: Finding) => {
        if (!finding.fix) return;
        // The rename applies: the file is checked, listed, packed and mailed under the new name.
        item.editedName = finding.fix.text;
        this.render();
        this.querySelector<HTMLInputElement>(`#${CSS.escape(inputId)}`)?.focus();
      },
    });
    row.append(head, nameRow, findings);
    return row;
  }

  /** What is wrong with a name being typed: the convention, a clash, or an extension that lies. */
  newNameProblems(name: string, index: number, names: string[], date: string) {
    if (name.trim() === '') return ['文件名不能为空。'];
    const [asSent] = checksCode.current!.checkAttachments(
      [{ ...this.inputs()[index]!, name }],
      this.#rules!,
      { today: date },
    ).files;
    const problems = (asSent?.findings ?? [])
      .filter(
        (finding) =>
          finding.rule.startsWith('attachment.name') || finding.rule === 'attachment.type-mismatch',
      )
      .map((finding) => finding.message);
    const clash = names.findIndex(
      (other, otherIndex) => otherIndex !== index && other.toLowerCase() === name.toLowerCase(),
    );
    if (clash >= 0) problems.push(`与第 ${clash + 1} 个文件同名，证据包里会互相覆盖。`);
    return problems;
  }

  /** The package's files: every file but executables, under the names they will be sent with. */
  packable(checks: Checks, reports: AttachmentReport[] | null, names: string[]) {
    const current = reports ?? checks.checkAttachments(this.inputs(), this.#rules!, { today: today() }).files;
    return this.#items
      .map((item, index) => ({ item, report: current[index]!, name: names[index]! }))
      .filter(({ report }) => !report.blocked);
  }

  renderPackage(checks: Checks, reports: AttachmentReport[] | null, names: string[], date: string) {
    const packed = this.packable(checks, reports, names);
    const excluded = this.#items.length - packed.length;
    const size = checks.predictPackageSize(
      packed.map(({ item, report, name }) => ({
        name,
        originalName: item.file.name,
        size: item.file.size,
        type: report.detected?.label ?? '未识别',
        mime: checks.mimeForAttachment(report.detected, name),
        lastModified: item.file.lastModified,
      })),
      Date.now(),
    );
    const packageName = `${date.replaceAll('-', '')}_证据包.zip`;
    const [check] = checks.checkAttachments(
      [{ name: packageName, size, head: new Uint8Array(checks.ZIP_MAGIC), lastModified: Date.now() }],
      this.#rules!,
      { today: date },
    ).files;
    this.querySelector('[data-package-size]')!.textContent =
      `${packageName}：共 ${formatBytes(size)}（编码后约 ${formatBytes(base64EncodedSize(size))}），含 ${packed.length} 个文件${excluded > 0 ? `；${excluded} 个可执行文件不放入` : ''}。`;
    // A name the package cannot use as it is (one of its own files' names, a folder, …) is
    // renamed on the way in; the user is told, since the manifest and the sums will say so.
    const entries = checks.entryNames(packed.map(({ name }) => name));
    this.querySelector('[data-package-notes]')!.replaceChildren(
      ...packed.flatMap(({ name }, index) => {
        if (entries[index] === name) return [];
        const note = document.createElement('li');
        note.dataset.packageNote = name;
        note.textContent = `“${name}”与证据包自带的文件（证据清单.csv、SHA256SUMS.txt、说明.txt）同名或不能直接用作包内文件名，放进证据包时改名为“${entries[index]}”；邮件里的附件名不变。`;
        return [note];
      }),
    );
    renderFindings(this.querySelector('[data-package-findings]')!, check!.findings, '', this.#base, {
      select: () => undefined,
      fix: () => undefined,
    });
    const invalid =
      names.some((name) => name.trim() === '') ||
      new Set(names.map((n) => n.toLowerCase())).size !== names.length;
    const button = this.querySelector<HTMLButtonElement>('[data-build]')!;
    button.disabled = this.#building || packed.length === 0 || invalid;
    button.title = invalid ? '有文件名为空或重名，请先改好' : '';
  }

  /**
   * The package's download link, made with the first package: a placeholder link without an
   * address in the page would be a dead link to crawlers and screen readers.
   */
  downloadLink(): HTMLAnchorElement {
    let link = this.querySelector<HTMLAnchorElement>('[data-download]');
    if (!link) {
      link = document.createElement('a');
      link.dataset.download = '';
      link.hidden = true;
      this.querySelector('[data-progress]')!.after(link);
    }
    return link;
  }

  async build() {
    const checked = this.result(today());
    if (this.#building || !checked) return;
    const { checks, result } = checked;
    const date = today();
    const names = this.#items.map(sentName);
    const packed = this.packable(checks, result.files, names);
    if (packed.length === 0) return;
    const progress = this.querySelector<HTMLProgressElement>('[data-progress]')!;
    const outcome = this.querySelector<HTMLElement>('[data-package-result]')!;
    const link = this.downloadLink();
    // What the package is built from, to hand it over only if the list is still the same after.
    const fingerprint = chosenFingerprint($attachments.get());
    const totalBytes = packed.reduce((sum, { item }) => sum + item.file.size, 0) || 1;
    let readBytes = 0;
    let frame = 0;
    const showProgress = () => {
      frame = 0;
      progress.value = readBytes / totalBytes;
      progress.textContent = `${Math.round((100 * readBytes) / totalBytes)}%`;
    };
    this.#building = true;
    this.renderPackage(checks, result.files, names, date);
    progress.hidden = false;
    progress.value = 0;
    link.hidden = true;
    outcome.textContent = '正在生成证据包……';
    try {
      const { evidencePackage, createHasher, hashWhole, verifyPackageBlob } = await packageCode.load();
      const files = packed.map(({ item, report, name }) => ({
        name,
        originalName: item.file.name,
        size: item.file.size,
        type: report.detected?.label ?? '未识别',
        mime: checks.mimeForAttachment(report.detected, name),
        lastModified: item.file.lastModified,
        blob: item.file,
        // Counts bytes as the ZIP reads them, for the progress bar.
        stream: () =>
          item.file.stream().pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({
              transform(chunk, controller) {
                readBytes += chunk.byteLength;
                frame ||= requestAnimationFrame(showProgress);
                controller.enqueue(chunk);
              },
            }),
          ),
      }));
      const createdAt = Date.now();
      const { stream, manifest } = evidencePackage(files, {
        createdAt,
        hashWhole: (file) => hashWhole(file as (typeof files)[number]),
        createHasher,
      });
      // The ZIP goes straight into a Blob (which the browser may keep on disk): the files are
      // streamed through once, never held in memory together.
      const blob = await new Response(stream, { headers: { 'content-type': 'application/zip' } }).blob();
      const rows = await manifest;
      outcome.textContent = '正在校验证据包……';
      // Read back before it is called ready: unique names, every checksum against its bytes.
      const problems = await verifyPackageBlob(blob);
      if (problems.length > 0) {
        outcome.textContent = `证据包没有通过校验，请不要发送它：${problems.join(' ')} 请检查文件后重新生成。`;
        return;
      }
      const packageName = `${date.replaceAll('-', '')}_证据包.zip`;
      // The package is checked by the same rules as any attachment, its size first.
      const [check] = checks.checkAttachments(
        [
          {
            name: packageName,
            size: blob.size,
            head: new Uint8Array(await blob.slice(0, checks.HEAD_BYTES).arrayBuffer()),
          },
        ],
        this.#rules!,
        { today: date },
      ).files;
      const built = {
        blob,
        name: packageName,
        fileCount: rows.length,
        fingerprint,
        findings: check!.findings,
      };
      if (!offerEvidencePackage(built)) {
        this.dropDownload('生成期间文件列表改变了，这个证据包与现在的文件不一致，已丢弃。请重新生成。');
        return;
      }
      if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
      this.#downloadUrl = URL.createObjectURL(blob);
      link.href = this.#downloadUrl;
      link.download = packageName;
      link.hidden = false;
      link.textContent = `下载 ${packageName}（${formatBytes(blob.size)}）`;
      outcome.textContent = `已生成并校验：${rows.length} 个文件、证据清单.csv 和 SHA256SUMS.txt，共 ${formatBytes(blob.size)}，每个文件的校验值都与包内内容一致。${
        check!.findings.some((finding) => finding.rule.startsWith('attachment.size'))
          ? '它超过了单个附件的上限，请按上面的提示处理。'
          : '可以作为一个附件发送。'
      }邮件组装会附上这个证据包，代替单独的文件。`;
      link.click();
    } catch (error) {
      outcome.textContent = `生成证据包失败：${error instanceof DOMException && error.name === 'NotReadableError' ? '有文件无法读取（可能已被移动、删除或修改），请移除后重新选择。' : (error as Error).message}`;
    } finally {
      if (frame) cancelAnimationFrame(frame);
      progress.hidden = true;
      this.#building = false;
      this.renderPackage(checks, null, names, date);
    }
  }
}

defineIsland('attachment-checker', AttachmentChecker);
