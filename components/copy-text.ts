/**
 * Copies text for the seller to paste into chat or SMS: the async Clipboard API first; where it
 * is missing or refused (an unfocused document, a host page that denies clipboard-write) a hidden
 * textarea and execCommand('copy'), which the manifest's clipboardWrite permission allows.
 * The textarea goes into `within`: on an order page the row's closed root, never the page's DOM,
 * where the page's MutationObserver would be handed the element and with it the message.
 * Resolves false when both fail.
 */
export async function copyText(text: string, within: ParentNode = document.body): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:-1000px;left:-1000px;opacity:0';
  within.append(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  let ok: boolean;
  try {
    // Deprecated but still the only synchronous path when the Clipboard API is unavailable.
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  focused?.focus();
  return ok;
}
