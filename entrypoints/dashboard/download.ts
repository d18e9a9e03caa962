/** Saves text as a file through a Blob URL and a temporary link (no downloads permission needed). */

/** Downloads `text` as `fileName`. */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute later nobody needs it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
