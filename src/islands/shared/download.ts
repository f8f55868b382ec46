/** Offers a Blob as a file download (a blob: URL on the page's own origin; nothing is sent). */
export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the URL is released so the Blob can be freed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
