/**
 * The site's name, in one place for the header, every <title>, the feeds, the published rules'
 * JSON Schema and the evidence package's 说明.txt. The name itself says 非官方: 「快手官方邮件沟通
 * 指南」 read as Kuaishou's own guide (issue 15). Not the independence notice's text (that is
 * in the footer and the address banner).
 */
export const SITE_NAME = '给快手写邮件：非官方指南';
/** The header shows the name in two parts: this, then UNOFFICIAL_MARK as a badge. */
export const SITE_NAME_SHORT = '给快手写邮件';
export const UNOFFICIAL_MARK = '非官方指南';
