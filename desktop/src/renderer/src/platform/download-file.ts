/**
 * Saves text as a file through the browser's download (Electron shows its save dialog for it):
 * a blob URL on a temporary link, revoked once the download has started.
 */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
