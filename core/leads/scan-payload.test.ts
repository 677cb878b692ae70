import { describe, expect, it } from 'vitest';
import { parseScanPayload, parseVcfFile, type ScannedCard, type ScanParseResult, type VcfParseResult } from './scan-payload';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';

/**
 * The fields these tests are about, as the form's first version took them: phone numbers, the
 * first web address. What a card gives beyond them is tested field by field in vcard-corpus.test.ts.
 */
function view(card: ScannedCard) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out of the view on purpose
  const { departments, phones, websites, addresses, pictures, extras, ...rest } = card;
  return { ...rest, phones: phones.map((p) => p.number), ...(websites[0] ? { website: websites[0] } : {}) };
}

function cardsOf(result: ScanParseResult | VcfParseResult) {
  if (!result.ok) throw new Error(`expected cards, got ${result.error}`);
  return result.value.cards.map(view);
}

function only(result: ScanParseResult | VcfParseResult) {
  const cards = cardsOf(result);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

describe('vCard', () => {
  it('reads a vCard 3.0 with every field the lead form takes', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Kovács;Anna;;Dr.;',
      'FN:Dr. Anna Kovács',
      'ORG:Example Kft.;Sales',
      'TITLE:Sales Director',
      'TEL;TYPE=WORK,VOICE:+36 1 234 5678',
      'TEL;TYPE=CELL:+36 30 123 4567',
      'EMAIL;TYPE=INTERNET,WORK:anna@example.hu',
      'ADR;TYPE=HOME:;;Home utca 1;Szeged;;6720;Hungary',
      'ADR;TYPE=WORK:;;Fő utca 12;Budapest;;1011;Magyarország',
      'URL:https://example.hu',
      'NOTE:Met at the booth\\, wants a demo\\nCall after 10',
      'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==',
      'X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.com/in/anna',
      'END:VCARD',
    );
    const result = parseScanPayload(text);
    expect(result.ok && result.value.format).toBe('vcard');
    expect(only(result)).toEqual({
      personName: 'Dr. Anna Kovács',
      position: 'Sales Director',
      companyName: 'Example Kft.',
      phones: ['+36 1 234 5678', '+36 30 123 4567'],
      emails: ['anna@example.hu'],
      city: 'Budapest',
      country: 'Magyarország',
      website: 'https://example.hu',
      notes: 'Met at the booth, wants a demo\nCall after 10',
    });
    // Nothing else is lost either: the photo's bytes, the second address, the department, the profile.
    const card = result.ok ? result.value.cards[0]! : null;
    expect(card?.pictures.map((p) => [p.kind, p.mime, p.bytes.length])).toEqual([['photo', 'image/jpeg', 13]]);
    expect(card?.addresses.map((a) => a.city)).toEqual(['Szeged', 'Budapest']);
    expect(card?.departments).toEqual(['Sales']);
    expect(card?.extras).toEqual([{ field: 'social', name: 'linkedin', value: 'https://linkedin.com/in/anna' }]);
  });

  it('reads a vCard 4.0 with tel: URIs, quoted parameters and a Cyrillic name', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Иван Петров',
      'N:Петров;Иван;;;',
      'ORG:ООО "Ромашка"',
      'TITLE:Менеджер по продажам',
      'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+7-495-123-45-67;ext=102',
      'TEL;VALUE=uri;TYPE=cell:tel:+79161234567',
      'EMAIL;TYPE=work:ivan@romashka.ru',
      'ADR;TYPE=work;LABEL="ул. Ленина 1\\nМосква":;;ул. Ленина 1;Москва;;101000;Россия',
      'END:VCARD',
    );
    expect(only(parseScanPayload(text))).toEqual({
      personName: 'Иван Петров',
      position: 'Менеджер по продажам',
      companyName: 'ООО "Ромашка"',
      phones: ['+7-495-123-45-67 ext. 102', '+79161234567'],
      emails: ['ivan@romashka.ru'],
      city: 'Москва',
      country: 'Россия',
    });
  });

  it('builds the name from N when FN is missing, and strips group prefixes (item1.TEL)', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Müller;Jürgen;Karl;;',
      'item1.TEL:+49 30 1234567',
      'item1.X-ABLabel:Büro',
      'item2.EMAIL;type=INTERNET:j.mueller@beispiel.de',
      'END:VCARD',
    );
    expect(only(parseScanPayload(text))).toEqual({
      personName: 'Jürgen Karl Müller',
      phones: ['+49 30 1234567'],
      emails: ['j.mueller@beispiel.de'],
    });
  });

  it('unfolds lines continued with a space or a tab', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Fernández\r\nNOTE:This note is long and\r\n  was folded by the\r\n\t phone\r\nORG:Acme\r\n  Iberia S.L.\r\nEND:VCARD\r\n';
    const card = only(parseScanPayload(text));
    expect(card.notes).toBe('This note is long and was folded by the phone');
    expect(card.companyName).toBe('Acme Iberia S.L.');
    expect(card.personName).toBe('Maria Fernández');
  });

  it('decodes vCard 2.1 quoted-printable values in UTF-8 and in a declared charset, with soft line breaks', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2;=D0=98=D0=B2=D0=B0=D0=BD;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=D0=BD =D0=9F=D0=B5=D1=82=D1=80=D0=BE=D0=B2',
      'TEL;CELL;VOICE:+7 916 123-45-67',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-2:T=F3th =C1rp=E1d, a nagy=20=',
      'fejleszt=F5',
      'END:VCARD',
    );
    expect(only(parseScanPayload(text))).toEqual({
      personName: 'Иван Петров',
      phones: ['+7 916 123-45-67'],
      emails: [],
      notes: 'Tóth Árpád, a nagy fejlesztő',
    });
  });

  it('a card with no END:VCARD ends where the next one begins: the contacts after it are all read', () => {
    const file = crlf(
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Sarah Whitfield', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Broken Card', 'ORG:Broken',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Raj Patel', 'TEL:+91 98765 43210', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1', 'FN:Chen Wei', 'AGENT:', 'BEGIN:VCARD', 'FN:Assistant', 'END:VCARD', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Cut At The End',
    );
    const result = parseVcfFile(file);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.cards.map((c) => c.personName)).toEqual(['Sarah Whitfield', 'Broken Card', 'Raj Patel', 'Chen Wei', 'Cut At The End']);
    expect(result.value.cards[1]!.companyName).toBe('Broken');
    expect(result.value.cards[2]!.phones.map((p) => p.number)).toEqual(['+91 98765 43210']);
  });

  it('reads every card of a .vcf file, skipping empty ones and a nested AGENT card', () => {
    const file = [
      crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana Souza', 'EMAIL:ana@exemplo.com.br', 'END:VCARD'),
      crlf('BEGIN:VCARD', 'VERSION:3.0', 'END:VCARD'),
      crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN:Chen Wei', 'AGENT:', 'BEGIN:VCARD', 'FN:Assistant', 'END:VCARD', 'TEL:+86 10 1234 5678', 'END:VCARD'),
      'BEGIN:VCARD\nVERSION:4.0\nFN:Łukasz Wiśniewski\nORG:Przykład sp. z o.o.\nEND:VCARD\n',
    ].join('');
    const result = parseVcfFile(file);
    const cards = cardsOf(result);
    expect(cards.map((c) => c.personName)).toEqual(['Ana Souza', 'Chen Wei', 'Łukasz Wiśniewski']);
    expect(cards[1]!.phones).toEqual(['+86 10 1234 5678']);
    expect(cards[2]!.companyName).toBe('Przykład sp. z o.o.');
    expect(cardsOf(parseScanPayload(file))).toEqual(cards);
    expect(result.ok && result.value.skipped).toEqual([{ position: 2, name: '', reason: 'empty' }]);
  });

  it('keeps what a cut-off vCard had', () => {
    const card = only(parseScanPayload('BEGIN:VCARD\nVERSION:3.0\nFN:Jan Novák\nTEL:+420 601 123 456\nEMA'));
    expect(card).toEqual({ personName: 'Jan Novák', phones: ['+420 601 123 456'], emails: [] });
  });

  it('rejects a .vcf with no card in it', () => {
    expect(parseVcfFile('Name,Email\nAnna,anna@example.hu')).toEqual({ ok: false, error: 'unrecognised' });
    expect(parseVcfFile('  \n')).toEqual({ ok: false, error: 'empty' });
  });
});

describe('MeCard', () => {
  it('reads fields, reverses Family,Given and unescapes \\; \\: \\,', () => {
    const text = 'MECARD:N:Doe,John;TEL:+15551234567;TEL:+15557654321;EMAIL:john@example.com;ORG:Acme\\, Inc.;NOTE:Booth 12\\; likes\\: demos;URL:https\\://acme.example;ADR:,,1 Main St,Springfield,IL,62701,USA;;';
    const result = parseScanPayload(text);
    expect(result.ok && result.value.format).toBe('mecard');
    expect(only(result)).toEqual({
      personName: 'John Doe',
      phones: ['+15551234567', '+15557654321'],
      emails: ['john@example.com'],
      companyName: 'Acme, Inc.',
      notes: 'Booth 12; likes: demos',
      website: 'https://acme.example',
      city: 'Springfield',
      country: 'USA',
    });
  });

  it('keeps a free-form ADR as a note', () => {
    const card = only(parseScanPayload('MECARD:N:Szabó Péter;ADR:Budapest\\, Váci út 1;;'));
    expect(card).toEqual({ personName: 'Szabó Péter', phones: [], emails: [], notes: 'Budapest, Váci út 1' });
  });

  it('is unrecognised when it has no field', () => {
    expect(parseScanPayload('MECARD:;;')).toEqual({ ok: false, error: 'unrecognised' });
  });
});

describe('URIs', () => {
  it.each([
    ['https://expo.example.com/badge/8F3A2', { website: 'https://expo.example.com/badge/8F3A2' }, 'url'],
    ['mailto:anna%2Bexpo@example.hu?subject=Hello', { emails: ['anna+expo@example.hu'] }, 'mailto'],
    ['tel:+36301234567', { phones: ['+36301234567'] }, 'tel'],
  ] as const)('%s', (text, expected, format) => {
    const result = parseScanPayload(text);
    expect(result.ok && result.value.format).toBe(format);
    expect(only(result)).toEqual({ phones: [], emails: [], ...expected });
  });
});

describe('plain text', () => {
  it('reads a badge with one detail per line', () => {
    const result = parseScanPayload('Anna Kovács\nSales Director\nExample Kft\n+36 30 123 4567\nanna@example.hu');
    expect(result.ok && result.value.format).toBe('text');
    expect(only(result)).toEqual({
      personName: 'Anna Kovács',
      position: 'Sales Director',
      companyName: 'Example Kft',
      phones: ['+36 30 123 4567'],
      emails: ['anna@example.hu'],
    });
  });

  it('finds the company by its legal form wherever it is, and strips labels', () => {
    const text = 'Beispiel GmbH\r\nDr. Klaus Weber\r\nEinkaufsleiter\r\nTel.: +49 (0)89 123456-0\r\nE-Mail: k.weber@beispiel.de\r\nwww.beispiel.de\r\nHalle 4, Stand 12';
    expect(only(parseScanPayload(text))).toEqual({
      personName: 'Dr. Klaus Weber',
      position: 'Einkaufsleiter',
      companyName: 'Beispiel GmbH',
      phones: ['+49 (0)89 123456-0'],
      emails: ['k.weber@beispiel.de'],
      website: 'www.beispiel.de',
      notes: 'Halle 4, Stand 12',
    });
  });

  it('takes a lone name, but not an attendee id', () => {
    expect(only(parseScanPayload('Ольга Смирнова'))).toEqual({ personName: 'Ольга Смирнова', phones: [], emails: [] });
    expect(parseScanPayload('ATT-2024-000183')).toEqual({ ok: false, error: 'unrecognised' });
  });

  it('does not take a short number for a phone', () => {
    expect(parseScanPayload('12345')).toEqual({ ok: false, error: 'unrecognised' });
  });
});

describe('unreadable input', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['x7$#kq==', 'unrecognised'],
    ['\u0001\u0002binary\u0003', 'unrecognised'],
    ['BEGIN:VCARD\nVERSION:3.0\nEND:VCARD', 'unrecognised'],
    ['WIFI:T:WPA;S:expo-guest;P:secret;;', 'unrecognised'],
    ['https://', 'unrecognised'],
  ])('%j is %s', (text, error) => {
    expect(parseScanPayload(text)).toEqual({ ok: false, error });
  });
});

describe('characters no field may hold', () => {
  it('removes a NUL and other controls from a vCard, keeping the rest of each value', () => {
    const card = only(
      parseScanPayload(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Anna\u0000 Kovács', 'ORG:Example\u001D Kft', 'TEL:+36 30\u0007 123 4567', 'NOTE:line one\\nline\u000B two', 'END:VCARD')),
    );
    expect(card).toEqual({ personName: 'Anna Kovács', companyName: 'Example Kft', phones: ['+36 30 123 4567'], emails: [], notes: 'line one\nline two' });
  });

  it('removes what escapes decode to: =00 in quoted-printable, %00 in a tel: URI', () => {
    const card = only(parseScanPayload(crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Anna=00 Kov=C3=A1cs', 'END:VCARD')));
    expect(card.personName).toBe('Anna Kovács');
    expect(only(parseScanPayload('tel:+36%0030%20123%204567')).phones).toEqual(['+3630 123 4567']);
  });

  it('removes an unpaired surrogate and keeps a whole emoji', () => {
    const card = only(parseScanPayload(`MECARD:N:Petrov,Ivan\uD83D;ORG:OOO \uDE00Romashka 😀;;`));
    expect(card).toEqual({ personName: 'Ivan Petrov', companyName: 'OOO Romashka 😀', phones: [], emails: [] });
  });

  it('drops a value, and a card, left with nothing', () => {
    expect(only(parseVcfFile(crlf('BEGIN:VCARD', 'FN:\u0000\u0000', 'EMAIL:anna@example.hu', 'END:VCARD')))).toEqual({ phones: [], emails: ['anna@example.hu'] });
    expect(parseVcfFile(crlf('BEGIN:VCARD', 'FN:\u0000', 'END:VCARD', 'BEGIN:VCARD', 'FN:Ben\u0001', 'END:VCARD'))).toEqual({
      ok: true,
      value: { format: 'vcard', cards: [expect.objectContaining({ personName: 'Ben', phones: [], emails: [] })], skipped: [{ position: 1, name: '', reason: 'empty' }] },
    });
    expect(parseScanPayload(crlf('BEGIN:VCARD', 'FN:\u0000', 'END:VCARD'))).toEqual({ ok: false, error: 'unrecognised' });
  });
});
