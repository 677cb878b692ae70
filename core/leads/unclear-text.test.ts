/**
 * Text a card gives that cannot be read cleanly is kept as it came and marked; UTF-8 read in the
 * wrong charset is read back. Through the whole .vcf reading (parseVcfFile), as the import sees it.
 */
import { describe, expect, it } from 'vitest';
import { parseVcfFile, unclearCardFields, type ScannedCard } from './scan-payload';
import { isUnclearText, repairMojibake, utf8WithEscapes } from './unclear-text';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const card = (...lines: string[]) => crlf('BEGIN:VCARD', 'VERSION:2.1', ...lines, 'END:VCARD');

function cardsOf(input: string | Uint8Array): ScannedCard[] {
  const result = parseVcfFile(input);
  if (!result.ok) throw new Error(result.error);
  return result.value.cards;
}
const only = (input: string | Uint8Array) => {
  const cards = cardsOf(input);
  expect(cards).toHaveLength(1);
  return cards[0]!;
};

/** A text's characters as bytes (each below 256): how an 8-bit file holds it. */
const latin1 = (text: string) => Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0)));

describe('a card whose text cannot be read cleanly', () => {
  it('keeps a quoted-printable value cut inside a character as it came, marked', () => {
    const c = only(card('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Anna Kov=C3=A1cs =E2=8', 'TEL:+36 30 123 4567'));
    expect(c.personName).toBe('Anna Kovács =E2=8');
    expect(isUnclearText(c.personName)).toBe(true);
    expect(unclearCardFields(c)).toEqual(['personName']);
  });

  it('a soft line break whose next line is lost does not swallow the END of the card (nor the contact after it)', () => {
    const file = card('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Anna Kov=C3=') + card('FN:Ben Okafor');
    const cards = cardsOf(file);
    expect(cards.map((x) => x.personName)).toEqual(['Anna Kov=C3', 'Ben Okafor']);
    expect(unclearCardFields(cards[0]!)).toEqual(['personName']);
  });

  it('a soft line break that lost its = (a rewrapped file) joins the rest of the value back', () => {
    const c = only(card('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Anna Kov=C3', '=A1cs', 'TEL:+36 30 123 4567'));
    expect(c.personName).toBe('Anna Kovács');
    expect(unclearCardFields(c)).toEqual([]);
  });

  it('UTF-8 under a CHARSET of one byte per character (ISO-8859-1, Windows-1250) is read as the UTF-8 it is', () => {
    expect(only(card('FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Anna Kov=C3=A1cs')).personName).toBe('Anna Kovács');
    expect(only(card('FN;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:K=C5=91szegi P=C3=A9ter')).personName).toBe('Kőszegi Péter');
    // 8-bit lines of a file that is not UTF-8 as a whole.
    // The ORG line is Windows-1252 (no CHARSET), so the file as a whole is not UTF-8.
    const bytes = new Uint8Array([...latin1('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:Kov'), 0xc3, 0xa1, ...latin1(crlf('cs;Anna', 'ORG:M\xfcller GmbH', 'END:VCARD'))]);
    const c = only(bytes);
    expect(c.personName).toBe('Anna Kovács');
    expect(c.companyName).toBe('Müller GmbH');
  });

  it('a CHARSET=UTF-8 value whose bytes are not UTF-8 keeps them as they came, marked, not guessed', () => {
    const c = only(card('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:K=F5szegi P=E9ter'));
    expect(c.personName).toBe('K=F5szegi P=E9ter');
    expect(unclearCardFields(c)).toEqual(['personName']);
  });

  it('a value with no CHARSET: UTF-8 when it is, Windows-1252 when no byte is UTF-8 (Outlook), the bad bytes kept when UTF-8 is cut', () => {
    expect(only(card('FN;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen')).personName).toBe('Jürgen');
    expect(only(card('FN;ENCODING=QUOTED-PRINTABLE:J=FCrgen')).personName).toBe('Jürgen');
    expect(only(card('FN;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3')).personName).toBe('Jürgen M=C3');
  });

  it('repairs UTF-8 that a program before us read as Latin-1 or Windows-1252, unmarked', () => {
    const c = only(card('FN:Jean-FranÃ§ois MÃ¼ller', 'ORG:KovÃ¡cs Kft.', 'NOTE:Price â€“ 10 â‚¬'));
    expect(c.personName).toBe('Jean-François Müller');
    expect(c.companyName).toBe('Kovács Kft.');
    expect(c.notes).toBe('Price – 10 €');
    expect(unclearCardFields(c)).toEqual([]);
  });

  it('keeps a replacement character the file holds, marked, in whichever field it is', () => {
    const c = only(card('FN:Anna Kov\uFFFDcs', 'ADR;WORK:;;V\uFFFDci \u00fat 1;Budapest;;1051;', 'X-ABC:Kov=C3'));
    expect(c.personName).toBe('Anna Kov\uFFFDcs');
    expect(unclearCardFields(c)).toEqual(['personName', 'addresses', 'notes']);
  });
});

describe('the pieces', () => {
  it('repairMojibake leaves ordinary text alone', () => {
    for (const text of ['São Paulo', 'Größe', 'Straße 5', 'Ärger über Öl', 'Kőszegi', 'Ñandú', 'À la carte', '']) expect(repairMojibake(text)).toBe(text);
    // "Ã " lost its no-break space (0xA0) to an ordinary one: left as it is.
    expect(repairMojibake('Ã©tÃ© Ã  Paris')).toBe('été Ã  Paris');
  });

  it('utf8WithEscapes reads what is UTF-8 and writes the rest as =XX', () => {
    expect(utf8WithEscapes(new Uint8Array([0x4b, 0xc3, 0xa1, 0xe2, 0x38]))).toEqual({ text: 'Ká=E28', multibyte: 1, invalid: 1 });
  });

  it('isUnclearText: a byte escape from 0x80 or a replacement character, nothing else', () => {
    expect(isUnclearText('Kov=C3cs')).toBe(true);
    expect(isUnclearText('a\uFFFDb')).toBe(true);
    for (const text of ['Kovács', 'a=b', 'x=12', 'E=mc2', '', undefined]) expect(isUnclearText(text)).toBe(false);
  });
});
