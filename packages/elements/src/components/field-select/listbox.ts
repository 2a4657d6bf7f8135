/**
 * Helpers shared by the list-based fields (akto-field-select, akto-field-autocomplete): text folding for
 * matching and keeping the active option visible in a scrolling list.
 */

/**
 * Lower-cases and strips accents one UTF-16 unit at a time, so the result has exactly the length of the
 * input ("É" → "e") and indexes found in it can be used on the original text.
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const stripped = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (stripped.length === 1) out += stripped;
    else {
      const lower = c.toLowerCase();
      out += lower.length === 1 ? lower : c;
    }
  }
  return out;
}

/** Scrolls `list` (never the page) just enough to show `option`. */
export function scrollIntoList(list: HTMLElement, option: HTMLElement | null): void {
  if (!option) return;
  // The first and last entries bring the list's padding along.
  if (!option.previousElementSibling) {
    list.scrollTop = 0;
    return;
  }
  if (!option.nextElementSibling) {
    list.scrollTop = list.scrollHeight;
    return;
  }
  const top = option.offsetTop;
  const bottom = top + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}
