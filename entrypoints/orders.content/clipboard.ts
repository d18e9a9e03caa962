/**
 * Copy text for the seller to paste into chat/SMS: the async clipboard API, else execCommand.
 * The fallback's textarea goes into `within` (the row's closed root), never the page's DOM: a
 * page's MutationObserver would be handed the element, and with it the message.
 */
export async function copyText(
  text: string,
  within: ParentNode = document.body,
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true };
  } catch {
    // Some host pages deny clipboard-write to frames/focus-less documents: fall back.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;top:-1000px;left:-1000px;opacity:0';
    within.append(ta);
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
