/**
 * The pseudo-locale: every English message with its letters accented and 40 % longer, the
 * placeholders, nesting and plural keys untouched. A screen in it shows at a glance text that is
 * hard-coded (plain ASCII) and text that is cut off or overlaps when a language runs longer.
 */
import type { Messages } from './resources';

const PLAIN = 'aeiouycnsrzlAEIOUYCNSRZL';
const ACCENTS = [...'áéíóúýçñšřžłÁÉÍÓÚÝÇÑŠŘŽŁ'];
const ACCENTED = new Map([...PLAIN].map((c, i) => [c, ACCENTS[i]!]));
/** Placeholders ({{name}}), nested messages ($t(key)) and HTML-like tags stay as they are. */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/;

export function pseudoText(text: string): string {
  const parts = text.split(KEEP);
  const letters = parts.filter((_, i) => i % 2 === 0).join('').length;
  const accented = parts.map((part, i) => (i % 2 ? part : [...part].map((c) => ACCENTED.get(c) ?? c).join(''))).join('');
  // 40 % more, as a tail that reads as padding and can be seen to be cut.
  const pad = Math.ceil(letters * 0.4);
  return pad ? `${accented} ${'~'.repeat(Math.max(pad - 1, 1))}` : accented;
}

export function pseudoMessages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, typeof v === 'string' ? pseudoText(v) : pseudoMessages(v)]));
}
