/**
 * A rights holder checks an infringement notice on /tools/: a missing statutory element is an
 * error that quotes the article it rests on (《信息网络传播权保护条例》第十四条) and says what to
 * add, and proof chosen in the attachment checker counts as the notice's 初步证明材料.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';

const WITHOUT_ADDRESS = `您好：
我是短视频作者周婷，作品《春茶上山采》于10月12日首发在我的快手号 zhouting_tea。
11月21日我发现作品ID 3xtea0712（《春茶上山采》搬运版）整段搬运了这条视频。
原始拍摄文件和首发截图作为初步证明材料见附件。
请删除上述侵权作品。本人对本通知的真实性负责。
周婷，电话 138 0013 8101，邮箱 zhouting@example.com`;

describe.skipIf(noBrowser)('legal elements of a notice in the draft checker, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  it('a notice without the address: an error quoting 第十四条 that says what to add, gone once added', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/?case=copyright');
    const text = page.locator('#tools-draft-text');
    await text.fill(WITHOUT_ADDRESS);
    const checker = page.locator('draft-checker');
    const finding = checker.locator('[data-findings] [data-rule="legal.notice.address"]');
    await finding.waitFor();
    const shown = await finding.innerText();
    expect(shown).toContain('通知缺少权利人的地址');
    expect(shown).toContain('第十四条要求通知书写明“权利人的姓名(名称)、联系方式和地址”');
    expect(shown).toContain('请写上能收到信件的通讯地址');
    expect(await finding.locator('[data-source]').innerText()).toBe(
      '依据：《信息网络传播权保护条例》第十四条',
    );
    expect(await finding.getAttribute('class')).toContain('ks-finding--error');
    // Only the address is missing.
    expect(await checker.locator('[data-findings] [data-rule^="legal."]').count()).toBe(1);
    await text.fill(`${WITHOUT_ADDRESS}，地址：福建省福州市鼓楼区五四路 88 号`);
    await expect.poll(() => finding.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('proof chosen as an attachment counts as the 初步证明材料 the text does not describe', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/?case=copyright');
    const withoutProof = `${WITHOUT_ADDRESS.replace('原始拍摄文件和首发截图作为初步证明材料见附件。\n', '')}，地址：福建省福州市鼓楼区五四路 88 号`;
    await page.locator('#tools-draft-text').fill(withoutProof);
    const finding = page.locator('draft-checker [data-findings] [data-rule="legal.notice.evidence"]');
    await finding.waitFor();
    await page.locator('#tools-attachments-files').setInputFiles([
      {
        name: '20261121_侵权对比截图.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      },
    ]);
    await expect.poll(() => finding.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
