/**
 * The vCard corpus (fixtures/vcards, README.md there), read field by field: every value each
 * program writes arrives where a lead keeps it, or labelled among the extras.
 */
// eslint-disable-next-line no-restricted-imports -- the test reads its fixture files from disk; the code it tests stays free of node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVcfFile, type ScannedAddress, type ScannedCard } from './scan-payload';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/vcards/${name}`, import.meta.url)));

function cardsOf(name: string): ScannedCard[] {
  const result = parseVcfFile(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.value.cards;
}

function only(name: string): ScannedCard {
  const cards = cardsOf(name);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

const address = (a: Partial<ScannedAddress>): ScannedAddress => ({ kind: 'other', poBox: '', extended: '', street: '', city: '', region: '', postcode: '', country: '', ...a });
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
const isPng = (b: Uint8Array) => b[0] === 0x89 && String.fromCharCode(b[1]!, b[2]!, b[3]!) === 'PNG';

describe('the vCard corpus', () => {
  it('Android 2.1: quoted-printable UTF-8 in every byte, soft line breaks, bare types, X-ANDROID-CUSTOM, an inline JPEG', () => {
    const card = only('android-2.1.vcf');
    expect(card.personName).toBe('Anna Kovács');
    expect(card.companyName).toBe('Példa Kft.');
    expect(card.departments).toEqual(['Beszerzés']);
    expect(card.position).toBe('Beszerzési vezető');
    expect(card.phones).toEqual([
      { number: '+36 30 123 4567', kind: 'mobile', label: '' },
      { number: '+36 1 234 5678', kind: 'work', label: '' },
      { number: '06 1 987 6543', kind: 'home', label: '' },
      { number: '+36 1 234 5679', kind: 'fax', label: '' },
    ]);
    expect(card.emails).toEqual(['anna.kovacs@pelda.hu', 'kovacs.anna@freemail.hu']);
    expect(card.websites).toEqual(['https://pelda.hu']);
    expect(card.addresses).toEqual([address({ kind: 'work', street: 'Váci út 1', city: 'Budapest', postcode: '1051', country: 'Magyarország' })]);
    expect([card.city, card.country]).toEqual(['Budapest', 'Magyarország']);
    expect(card.birthday).toBe('1984-03-15');
    // The note's quoted-printable runs over three physical lines.
    expect(card.notes).toBe('Budapesti Ipari Vásár, B pavilon. Érdekli a rozsdamentes kötőelem-kínálat; visszahívást kér jövő héten.');
    expect(card.extras).toEqual([
      { field: 'nickname', name: '', value: 'Panni' },
      { field: 'related', name: '', value: 'Kovács Péter' },
    ]);
    expect(card.pictures).toHaveLength(1);
    expect(card.pictures[0]).toMatchObject({ kind: 'photo', mime: 'image/jpeg' });
    expect(card.pictures[0]!.bytes).toHaveLength(1186);
    expect(isJpeg(card.pictures[0]!.bytes)).toBe(true);
  });

  it('iPhone 3.0: item groups with their labels, X-ABADR, pref first, departments, Apple labels, ENCODING=b photo', () => {
    const card = only('iphone-3.0.vcf');
    expect(card.personName).toBe('Dr. James Edward Whitmore');
    expect(card.companyName).toBe('Harbour Fixings Ltd');
    expect(card.departments).toEqual(['Sales', 'Key Accounts']);
    expect(card.position).toBe('Head of Procurement');
    expect(card.phones).toEqual([
      { number: '07700 900123', kind: 'mobile', label: '' },
      { number: '+44 20 7946 0958', kind: 'work', label: '' },
      { number: '+44 20 7946 0000', kind: '', label: 'Switchboard' },
      { number: '+44 7700 900456', kind: 'mobile', label: '' },
    ]);
    expect(card.emails).toEqual(['j.whitmore@harbourfixings.co.uk', 'jim.whitmore@example.net']);
    expect(card.websites).toEqual(['https://harbourfixings.co.uk', 'https://www.linkedin.com/in/jwhitmore-example']);
    expect(card.addresses).toEqual([
      address({ kind: 'work', street: 'Unit 4, Quayside Trading Estate', city: 'Bristol', postcode: 'BS1 5TX', country: 'United Kingdom' }),
      address({ kind: 'home', street: '12 Elm Row', city: 'Bath', region: 'Somerset', postcode: 'BA1 2AB', country: 'UK' }),
    ]);
    expect(card.birthday).toBe('1975-11-02');
    expect(card.notes).toBe('Met at the Birmingham show.\nWants a quote for M8 bolts, 10,000 pcs; call after the 15th.');
    expect(card.extras).toEqual([
      { field: 'nickname', name: 'NICKNAME', value: 'Jim' },
      { field: 'anniversary', name: 'Anniversary', value: '2010-06-12' },
      { field: 'related', name: 'Spouse', value: 'Sarah Whitmore' },
      { field: 'social', name: 'twitter', value: 'x-apple:jwhitmore' },
    ]);
    expect(card.pictures.map((p) => [p.kind, p.mime, p.bytes.length, isJpeg(p.bytes)])).toEqual([['photo', 'image/jpeg', 1186, true]]);
  });

  it('macOS 3.0: \\, in names, two titles, PO box and extended address, http\\:, \\" and \\\\ in the note, PHOTO;BASE64 on the next line', () => {
    const card = only('macos-contacts-3.0.vcf');
    expect(card.personName).toBe('Mr. John Richter,James Doe Sr.');
    expect(card.companyName).toBe('Acme Tooling Inc.');
    expect(card.departments).toEqual(['Accounting', 'Payables']);
    expect(card.position).toBe('Money Counter');
    expect(card.phones.map((p) => [p.number, p.kind, p.label])).toEqual([
      ['(212) 555-0134', 'work', ''],
      ['212-555-0199', 'home', ''],
      ['+1 917 555 0142', 'mobile', ''],
      ['212-555-0198', 'fax', ''],
      ['212-555-0111', 'pager', ''],
      ['212-555-0100', '', 'AssistantPhone'],
    ]);
    expect(card.emails).toEqual(['john.doe@acme-tooling.example']);
    expect(card.websites).toEqual(['http://www.acme-tooling.example']);
    expect(card.addresses).toEqual([
      address({ kind: 'home', street: 'Silicon Alley 5,', city: 'New York', region: 'New York', postcode: '10012', country: 'United States of America' }),
      address({ kind: 'work', poBox: 'PO Box 77', extended: 'Suite 300', street: 'Street4, Building 6, Floor 8', city: 'New York', region: 'NY', postcode: '10013', country: 'USA' }),
    ]);
    // The lead's place is the work address, not the preferred home one.
    expect([card.city, card.country]).toEqual(['New York', 'USA']);
    expect(card.birthday).toBe('1970-06-06');
    expect(card.notes).toBe('Said the offer was "AS IS" and fine, but wants net 60.\nFavourite colour: blue\\green');
    expect(card.extras).toEqual([
      { field: 'phoneticName', name: 'X-PHONETIC-FIRST-NAME', value: 'Jon' },
      { field: 'title', name: 'TITLE', value: 'Deputy Treasurer' },
    ]);
    expect(card.pictures.map((p) => [p.mime, p.bytes.length, isJpeg(p.bytes)])).toEqual([['image/jpeg', 1186, true]]);
  });

  it('Outlook 2.1 in Windows-1252 bytes: 8-bit values, quoted-printable in Windows-1252, basic-format dates, X-MS-*', () => {
    const card = only('outlook-2.1.vcf');
    expect(card.personName).toBe('Jürgen Müller');
    expect(card.companyName).toBe('Schrauben Müller GmbH');
    expect(card.departments).toEqual(['Einkauf']);
    expect(card.position).toBe('Einkaufsleiter');
    expect(card.phones).toEqual([
      { number: '+49 (89) 1234-567', kind: 'work', label: '' },
      { number: '0171 2345678', kind: 'mobile', label: '' },
      { number: '+49 (89) 1234-599', kind: 'fax', label: '' },
    ]);
    expect(card.emails).toEqual(['j.mueller@schrauben-mueller.example', 'einkauf@schrauben-mueller.example']);
    expect(card.websites).toEqual(['http://www.schrauben-mueller.example']);
    expect(card.addresses).toEqual([address({ kind: 'work', street: 'Industriestraße 12', city: 'München', region: 'Bayern', postcode: '80331', country: 'Deutschland' })]);
    expect(card.birthday).toBe('1970-04-12');
    expect(card.notes).toBe('Messe München, Halle B2.\nBraucht Edelstahl-Schrauben „A4“ – Angebot bis Freitag.');
    // LABEL repeats the ADR (left out); the layout and default-address hints are technical.
    expect(card.extras).toEqual([
      { field: 'im', name: 'MS-IMADDRESS', value: 'jmueller@im.example' },
      { field: 'anniversary', name: 'X-MS-ANNIVERSARY', value: '2005-07-01' },
    ]);
    expect(card.pictures).toEqual([]);
  });

  it('Google 3.0: four contacts, an empty X-ABLabel, https\\:, a photo given as a link, countries as people write them', () => {
    const cards = cardsOf('gmail-3.0.vcf');
    expect(cards.map((c) => [c.personName, c.companyName, c.phones.map((p) => `${p.kind}:${p.number}`), c.emails, c.country])).toEqual([
      ['Priya Nair', 'Nair Pumps Pvt Ltd', ['mobile:+91 98200 12345'], ['priya@nairpumps.example.in'], 'Bharat'],
      ['Budi Santoso', 'PT Maju Jaya', ['work:+62 21 5550 1234'], ['budi.santoso@majujaya.example.id'], 'Indonesia'],
      ['Siti Aminah', 'Aminah Trading Sdn Bhd', ['mobile:+60 12-345 6789'], ['siti@aminah.example.my'], 'Malaysia'],
      ['Иван Петров', 'ООО «Ромашка»', ['work:+7 495 123-45-67'], ['i.petrov@romashka.example.ru'], 'Россия'],
    ]);
    expect(cards[0]!.websites).toEqual(['https://nairpumps.example.in']);
    expect(cards[0]!.addresses).toEqual([address({ kind: 'work', street: 'Plot 14, MIDC Bhosari', city: 'Pune', region: 'Maharashtra', postcode: '411026', country: 'Bharat' })]);
    expect(cards[0]!.position).toBe('Export Manager');
    // Google's system group "myContacts" is no information; the photo is only a link.
    expect(cards[0]!.extras).toEqual([
      { field: 'photoLink', name: 'PHOTO', value: 'https://lh3.googleusercontent.com/contacts/AExample-nair=s96' },
      { field: 'categories', name: 'CATEGORIES', value: 'Trade fair 2026' },
    ]);
    expect(cards[3]!.addresses[0]).toEqual(address({ kind: 'work', street: 'ул. Ленина, 1', city: 'Москва', postcode: '101000', country: 'Россия' }));
    expect(cards.slice(1).every((c) => c.extras.length === 0 && c.pictures.length === 0)).toBe(true);
  });

  it('Lotus Notes 3.0: a comma list of nicknames, an empty last unit, a street over lines, "U.S.A."', () => {
    const card = only('lotus-notes-3.0.vcf');
    expect(card.personName).toBe('Ms. Mary Ann Thompson');
    expect(card.companyName).toBe('Great Lakes Fasteners');
    expect(card.departments).toEqual(['Purchasing']);
    expect(card.position).toBe('Buyer');
    expect(card.phones).toEqual([
      { number: '+1 (312) 555-0170', kind: 'mobile', label: '' },
      { number: '00-1-312-555-0179', kind: 'fax', label: '' },
    ]);
    expect(card.emails).toEqual(['mary.thompson@glfasteners.example', 'purchasing@glfasteners.example']);
    expect(card.websites).toEqual(['http://www.glfasteners.example']);
    expect(card.addresses).toEqual([address({ kind: 'work', street: '25334, South Crescent Drive, Building 5, 3rd floor', city: 'Chicago', region: 'Illinois', postcode: '60601', country: 'U.S.A.' })]);
    expect(card.birthday).toBe('1980-05-21');
    expect(card.notes).toBe('Prefers email.\nOrders quarterly.');
    expect(card.extras).toEqual([{ field: 'nickname', name: 'NICKNAME', value: 'Mare, Mimi' }]);
  });

  it('Thunderbird 4.0: LF line ends, PREF=1, VALUE=TEXT phones, BDAY;VALUE=DATE in basic format', () => {
    const card = only('thunderbird-4.0.vcf');
    expect(card).toMatchObject({
      personName: 'Marek Kowalski',
      companyName: 'Stalbud Sp. z o.o.',
      departments: ['Zaopatrzenie'],
      position: 'Kierownik zakupów',
      phones: [
        { number: '+48 22 123 45 67', kind: 'work', label: '' },
        { number: '+48 601 234 567', kind: 'mobile', label: '' },
      ],
      emails: ['marek.kowalski@stalbud.example.pl', 'marek.k@poczta.example.pl'],
      websites: ['https://stalbud.example.pl'],
      addresses: [address({ kind: 'work', street: 'ul. Przemysłowa 7', city: 'Warszawa', region: 'mazowieckie', postcode: '00-450', country: 'Polska' })],
      birthday: '1988-07-04',
      notes: 'Poznaliśmy się na targach w Poznaniu.',
      extras: [],
      pictures: [],
    });
  });

  it('RFC 6350 4.0: tel: URIs with an extension, a data: URI photo, folded lines, every escape, a year-less birthday', () => {
    const card = only('rfc6350-4.0.vcf');
    expect(card.personName).toBe('Simon Perreault');
    expect(card.companyName).toBe('Viagenie');
    expect(card.departments).toEqual(['R&D']);
    expect(card.position).toBe('Research Scientist');
    expect(card.phones).toEqual([
      { number: '+1-418-656-9254 ext. 102', kind: 'work', label: '' },
      { number: '+1-418-262-6501', kind: 'mobile', label: '' },
    ]);
    expect(card.websites).toEqual(['http://nomis80.example', 'https://www.viagenie.example']);
    expect(card.addresses).toEqual([address({ kind: 'work', extended: 'Suite D2-630', street: '2875 Laurier', city: 'Quebec', region: 'QC', postcode: 'G1V 2M2', country: 'Canada' })]);
    expect(card.birthday).toBe('--02-03');
    expect(card.notes).toBe(
      'Escapes: comma, semicolon; backslash\\ newline\nsecond line\nthird line, a "quote", and a long line that the writer folded at seventy-five octets as RFC 6350 section 3.2 requires of every content line.',
    );
    expect(card.extras.map((e) => `${e.field}/${e.name}: ${e.value}`)).toEqual([
      'anniversary/ANNIVERSARY: 2009-08-08',
      'gender/GENDER: M',
      'language/LANG: fr',
      'language/LANG: en',
      'role/ROLE: Project Leader',
      'location/GEO: 46.772673,-71.282945',
      'key/KEY: http://www.viagenie.example/users/simon/about.html',
      'timeZone/TZ: -0500',
      'im/SKYPE: simon.perreault',
    ]);
    expect(card.pictures.map((p) => [p.mime, p.bytes.length, isPng(p.bytes)])).toEqual([['image/png', 140, true]]);
  });

  it('BlackBerry 2.1: raw UTF-8 with CHARSET, PAGER, an unknown X- property kept under its name', () => {
    const card = only('blackberry-2.1.vcf');
    expect(card).toMatchObject({
      personName: 'Szabó Gábor',
      companyName: 'Kötőelem Zrt.',
      position: 'Értékesítési igazgató',
      phones: [
        { number: '+36 1 555 1200', kind: 'work', label: '' },
        { number: '+36 20 555 1201', kind: 'mobile', label: '' },
        { number: '+36 1 555 1202', kind: 'pager', label: '' },
        { number: '+36 1 555 1203', kind: 'home', label: '' },
      ],
      emails: ['gabor.szabo@kotoelem.example.hu'],
      addresses: [address({ kind: 'work', street: 'Fő utca 10.', city: 'Győr', region: 'Győr-Moson-Sopron', postcode: '9021', country: 'Magyarország' })],
      notes: 'PIN: 2A3B4C5D',
      extras: [{ field: 'other', name: 'X-BB-PIN', value: '2A3B4C5D' }],
    });
  });

  it('a shared file: a contact group and an empty card are skipped with their reason; a company card has no person', () => {
    const result = parseVcfFile(fixture('phone-share-mixed-3.0.vcf'));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.skipped).toEqual([
      { position: 2, name: 'Trade fair 2026', reason: 'group' },
      { position: 3, name: '', reason: 'empty' },
    ]);
    const cards = result.value.cards;
    expect(cards).toHaveLength(5);
    // An address and a note but nobody: a card, which the import then reports as saying nobody.
    expect(cards[1]!.personName).toBeUndefined();
    expect(cards[1]).toMatchObject({ notes: 'Left at the stand, no name on it', city: 'Rotterdam', country: 'Nederland' });
    expect(cards[2]!.personName).toHaveLength(219);
    expect(cards[4]).toMatchObject({ companyName: 'Harbor Fixings', phones: [{ number: '+44 117 496 0000', kind: 'work', label: '' }] });
    expect(cards[4]!.personName).toBeUndefined();
  });
});
