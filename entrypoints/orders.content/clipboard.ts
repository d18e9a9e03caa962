/** Copy text for the seller to paste into chat/SMS: the async clipboard API, else execCommand. */
export async function copyText(text: string): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true };
  } catch {
    // Some host pages deny clipboard-write to frames/focus-less documents: fall back.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;top:-1000px;left:-1000px;opacity:0';
    document.body.append(ta);
    ta.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    return ok ? { ok: true } : { ok: false, error: 'clipboard unavailable' };
  }
}
