/**
 * The text a reader copies to report an error on a page (/about/): the page, what is wrong, the
 * source that says otherwise and the date they looked. Pure, so the page and a test build the
 * same text. It is not a form and sends nothing: where the report goes is the site's REPORT_URL.
 */
export interface ReportFields {
  page?: string;
  wrong?: string;
  source?: string;
  /** YYYY-MM-DD, Beijing time. */
  date: string;
}

/** Lines of the report; an empty field stays as its blank prompt so the reader sees what to fill. */
export function reportText({ page, wrong, source, date }: ReportFields): string {
  const line = (label: string, value: string | undefined, blank: string) =>
    `${label}：${value?.trim() ? value.trim().replace(/\s+/g, ' ') : blank}`;
  return [
    '【纠错】给快手写邮件：非官方指南',
    line('页面', page, '（页面地址）'),
    line('哪里不对', wrong, '（哪一句、哪个地址或哪个数字）'),
    line('出处', source, '（能证明的网址或文件，没有可以不写）'),
    line('查看日期', date, '（你看到出处的日期）'),
  ].join('\n');
}

/** A mailto: report address gets the text as its body; an https:// one is linked as it is. */
export function reportHref(reportUrl: string, text: string): string {
  if (!reportUrl.startsWith('mailto:')) return reportUrl;
  const separator = reportUrl.includes('?') ? '&' : '?';
  return `${reportUrl}${separator}subject=${encodeURIComponent('【纠错】给快手写邮件：非官方指南')}&body=${encodeURIComponent(text)}`;
}
