/** Offers data as a file download from an extension page. */
export function download(fileName: string, parts: BlobPart[], type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the URL to the download manager; free it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
