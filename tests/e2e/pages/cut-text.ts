import type { Page } from '@playwright/test';

/**
 * Text of the pseudo-locale (every message ends in "~") that a box cuts off: a run of text that
 * reaches past the edge of an ancestor that hides its overflow (an ellipsis, a button's label,
 * a fixed-height row). Boxes that scroll are not cutting: what is past their edge is reached by
 * scrolling. Names from the data have no "~" and may be shortened on purpose.
 */
export async function cutOffText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const clips = (v: string) => v === 'hidden' || v === 'clip';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent ?? '';
      if (!text.includes('~')) continue;
      const el = node.parentElement;
      if (!el || !el.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      for (let a: HTMLElement | null = el; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (/auto|scroll/.test(cs.overflowX + cs.overflowY)) break;
        if (!clips(cs.overflowX) && !clips(cs.overflowY)) continue;
        const b = a.getBoundingClientRect();
        const cutX = clips(cs.overflowX) && (r.right > b.right + 1 || r.left < b.left - 1);
        const cutY = clips(cs.overflowY) && (r.bottom > b.bottom + 1 || r.top < b.top - 1);
        if (cutX || cutY) {
          out.push(`"${text.trim().slice(0, 60)}" cut by <${a.tagName.toLowerCase()} class="${String(a.className).slice(0, 60)}">`);
          break;
        }
      }
    }
    return out;
  });
}

/**
 * Visible text of the UI in English: words of the English messages (given) that show on the
 * screen outside the data's own text (inputs' values, and elements marked `data-user-text`).
 */
export async function englishWordsShown(page: Page, words: readonly string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const dictionary = new Set(list);
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || !el.checkVisibility() || el.closest('[data-user-text]')) continue;
      for (const w of (node.textContent ?? '').match(/[A-Za-z]{4,}/g) ?? []) if (dictionary.has(w.toLowerCase())) found.add(w);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')) {
      if (!el.checkVisibility()) continue;
      const said = [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('title')].join(' ');
      for (const w of said.match(/[A-Za-z]{4,}/g) ?? []) if (dictionary.has(w.toLowerCase())) found.add(w);
    }
    return [...found].sort();
  }, words);
}
