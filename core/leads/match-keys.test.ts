import { describe, expect, it } from 'vitest';
import { CJK_LEGAL_FORMS } from './legal-forms';
import {
  companyKey,
  compareMatchKeys,
  emailKey,
  matchKeysOf,
  matchRank,
  matchStrength,
  personNameKey,
  phoneKey,
  withinTypos,
  type MatchInput,
  type MatchReason,
} from './match-keys';

describe('companyKey', () => {
  // Each group is one company written the ways people write it.
  it.each<[string, string[]]>([
    ['Russian, both scripts, either end', ['ООО «Ромашка»', 'Romashka LLC', 'ROMASHKA, OOO', 'Ромашка ООО', 'ООО "Ромашка"', 'Общество с ограниченной ответственностью «Ромашка»']],
    ['German KG with GmbH partner', ['Müller Maschinenbau GmbH & Co. KG', 'Muller Maschinenbau', 'MÜLLER MASCHINENBAU GMBH', 'Müller Maschinenbau GmbH & Co']],
    ['German other forms', ['Schmidt e.K.', 'Schmidt UG (haftungsbeschränkt)', 'Schmidt OHG', 'Schmidt KG', 'Schmidt AG', 'Schmidt GesmbH', 'Schmidt Ges.m.b.H.']],
    ['Indonesian prefix and suffix', ['PT Maju Jaya Tbk', 'Maju Jaya', 'PT. Maju Jaya', 'PT Maju Jaya (Persero) Tbk']],
    ['Indonesian CV', ['CV Sinar Abadi', 'Sinar Abadi']],
    ['Malaysian', ['Tech Solutions Sdn. Bhd.', 'TECH SOLUTIONS SDN BHD', 'Tech Solutions Sendirian Berhad', 'Tech Solutions Bhd', 'Tech Solutions Berhad']],
    ['Singaporean', ['Grab Pte. Ltd.', 'Grab']],
    ['Indian', ['Infosys Pvt. Ltd.', 'Infosys Private Limited', 'Infosys (P) Ltd', 'INFOSYS LIMITED', 'Infosys Pvt Limited', 'Infosys']],
    ['Indian in Devanagari', ['शर्मा ट्रेडर्स प्राइवेट लिमिटेड', 'शर्मा ट्रेडर्स प्रा. लि.', 'शर्मा ट्रेडर्स लिमिटेड', 'शर्मा ट्रेडर्स']],
    ['Hungarian', ['Kovács és Társa Kft.', 'Kovacs es Tarsa', 'KOVÁCS ÉS TÁRSA KFT', 'Kovács és Társa Bt.']],
    ['Hungarian companies limited by shares', ['Tisza Zrt.', 'Tisza Nyrt.', 'Tisza Kkt.', 'Tisza Nonprofit Kft.']],
    ['French with S.A. spelt three ways', ['Société Générale S.A.', 'Societe Generale', 'SOCIÉTÉ GÉNÉRALE SA', 'Société Générale S. A.']],
    ['French forms leading and trailing', ['Dupont SARL', 'SARL Dupont', 'Dupont SAS', 'Dupont SASU', 'EURL Dupont', 'Dupont Sàrl']],
    ['Polish', ['Nowak Sp. z o.o.', 'NOWAK', 'Nowak sp. z o. o.', 'Nowak Spółka z o.o.', 'Nowak spółka z ograniczoną odpowiedzialnością', 'Nowak S.A.']],
    ['Czech and Slovak', ['Novák s.r.o.', 'Novak spol. s r.o.', 'Novák a.s.', 'NOVAK S.R.O.']],
    ['Ukrainian', ['ТОВ «Світанок»', 'Svitanok', 'TOV Svitanok', 'Світанок ТОВ', 'ПрАТ «Світанок»', 'ПП Світанок']],
    ['Russian joint-stock companies', ['ПАО «Газпром»', 'Gazprom PAO', 'ОАО Газпром', 'ЗАО Газпром', 'АО «Газпром»', 'НАО Газпром']],
    ['Russian sole trader', ['ИП Сидоров', 'Сидоров']],
    ['Kazakh', ['ТОО «Астана Моторс»', 'Астана Моторс', 'Astana Motors', 'Астана Моторс ЖШС']],
    ['Bulgarian', ['Еврострой ЕООД', 'Еврострой ООД', 'Evrostroy']],
    ['Turkish', ['Koç Holding A.Ş.', 'Koc Holding AS', 'Koç Holding']],
    ['Turkish limited', ['Yılmaz Ticaret Ltd. Şti.', 'Yilmaz Ticaret']],
    ['English', ['Acme L.L.C.', 'Acme, Inc.', 'ACME Corporation', 'Acme Co.', 'Acme Company', 'Acme plc', 'Acme Pty Ltd', 'Acme LLP', 'Acme L.P.', 'Acme Incorporated', 'Acme Corp.', 'Acme Ltd']],
    ['Chinese company in Latin', ['Shenzhen Bright Technology Co., Ltd.', 'Shenzhen Bright Technology Co.,Ltd', 'SHENZHEN BRIGHT TECHNOLOGY']],
    ['Dutch', ['Philips N.V.', 'Philips NV', 'Philips']],
    ['Dutch private', ['Bakker B.V.', 'Bakker BV', 'Bakker VOF']],
    ['Swedish, leading or trailing', ['Volvo AB', 'AB Volvo', 'Volvo']],
    ['Danish', ['Øresund ApS', 'Oresund A/S', 'Øresund']],
    ['Finnish', ['Kone Oyj', 'Oy Kone', 'Kone Oy']],
    ['Norwegian', ['Equinor ASA', 'Equinor AS', 'Equinor']],
    ['Italian', ['Ferrari S.p.A.', 'Ferrari SpA', 'Ferrari']],
    ['Italian limited', ['Rossi S.r.l.', 'Rossi Srl', 'Rossi']],
    ['Spanish', ['García S.L.', 'Garcia SL', 'García S.A.', 'García S.L.U.']],
    ['Portuguese and Brazilian', ['Silva Lda', 'Silva Ltda', 'Silva']],
    ['Chinese, simplified and traditional', ['华为技术有限公司', '華為技術有限公司', '华为技术']],
    ['Japanese, legal form before or after', ['株式会社トヨタ', 'トヨタ株式会社', 'トヨタ(株)', '㈱トヨタ', 'トヨタ']],
    ['Korean', ['삼성전자 주식회사', '주식회사 삼성전자', '㈜삼성전자', '삼성전자']],
    ['Spacing and hyphens inside the name', ['Data Soft Ltd', 'Data-Soft', 'DataSoft', 'DATA SOFT']],
    ['Apostrophes and ampersands', ["McDonald's Corporation", 'McDonalds', 'Mc’Donald’s']],
  ])('%s', (_label, names) => {
    const keys = names.map(companyKey);
    expect(keys[0]).not.toBe('');
    for (const [i, key] of keys.entries()) expect(key, names[i]).toBe(keys[0]);
  });

  it('finds a CJK legal form on a name otherwise in Latin letters (the quick path for names without CJK must not miss one)', () => {
    for (const form of CJK_LEGAL_FORMS) expect(/[\u3000-\uffff]/.test(form), form).toBe(true);
    expect(companyKey('Toyota 株式会社')).toBe('toyota');
    expect(companyKey('Toyota（株）')).toBe('toyota');
  });

  it('gives the bare name, transliterated', () => {
    expect(companyKey('ООО «Ромашка»')).toBe('romashka');
    expect(companyKey('ТОВ «Світанок»')).toBe('svitanok');
    expect(companyKey('Müller Maschinenbau GmbH & Co. KG')).toBe('mullermaschinenbau');
  });

  it.each<[string, string]>([
    ['ООО «Ромашка»', 'Ромашка-Строй'],
    ['ООО «Ромашка»', 'Ромашкин'],
    ['Kovács és Társa Kft.', 'Kovács Kft.'],
    ['Infosys Pvt Ltd', 'Infosys India Pvt Ltd'],
    ['Agro AG', 'Agrotech AG'],
    ['Maju Jaya', 'Jaya Maju'],
    // Transliterations that are common Latin words are only stripped in Cyrillic.
    ['A.O. Smith Corporation', 'Smith Corporation'],
    ['IP Telecom', 'Telecom'],
    ['Too Good To Go', 'Good To Go'],
  ])('"%s" and "%s" are different companies', (a, b) => {
    expect(companyKey(a)).not.toBe(companyKey(b));
  });

  it.each<[string, string]>([
    ['Agro AG', 'agro'],
    ['Bhdanov Ltd', 'bhdanov'],
    ['Cosmos', 'cosmos'],
    ['Cosmos Co', 'cosmos'],
    ['Agrotech', 'agrotech'],
    ['Ptolemy', 'ptolemy'],
    // Forms are stripped at the ends only, each at the end where it is used.
    ['Co-op Foods', 'coopfoods'],
    ['Maju Jaya PT', 'majujayapt'],
    ['Deutsche Bank AG Leasing', 'deutschebankagleasing'],
  ])('keeps words that only look like legal forms: "%s"', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  it.each<[string, string]>([
    ['AG', 'ag'],
    ['GmbH & Co. KG', 'gmbhcokg'],
    ['ООО', 'ooo'],
    ['PT Tbk', 'pttbk'],
    ['株式会社', 'zhushihuishe'],
  ])('keeps a name made only of legal forms: "%s"', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  it('is empty for a blank name', () => {
    expect(companyKey('')).toBe('');
    expect(companyKey('  «»  ')).toBe('');
  });
});

describe('personNameKey', () => {
  it.each<[string, string[]]>([
    ['order, case and script', ['Petrov Ivan', 'Иван Петров', 'IVAN PETROV', 'Петров Иван', '  ivan   petrov ']],
    ['diacritics and titles', ['Kovács Anna', 'Anna Kovacs', 'ANNA KOVÁCS', 'Dr. Anna Kovács', 'Frau Anna Kovács']],
    ['apostrophes', ["Seán O'Brien", 'Sean OBrien', 'O’Brien Seán']],
    ['hyphens', ['Anna-Maria Schmidt', 'Schmidt Anna Maria']],
    ['Ukrainian', ['Олена Шевченко', 'Shevchenko Olena']],
    ['German sharp s', ['Jürgen Strauß', 'Jurgen Strauss', 'STRAUSS JÜRGEN']],
    ['Devanagari, within its script', ['राजेश शर्मा', 'शर्मा राजेश']],
  ])('%s', (_label, names) => {
    const keys = names.map(personNameKey);
    expect(keys[0]).not.toBe('');
    for (const [i, key] of keys.entries()) expect(key, names[i]).toBe(keys[0]);
  });

  it('sorts the ASCII words', () => {
    expect(personNameKey('Иван Петров')).toBe('ivan petrov');
  });

  it.each<[string, string]>([
    ['Ivan Petrov', 'Ivan Petrova'],
    ['Ivan Petrov', 'Ivan'],
    ['Anna Kovács', 'Anna Kovács Nagy'],
    ['Anna Kovács', 'Hanna Kovács'],
  ])('"%s" and "%s" are different people', (a, b) => {
    expect(personNameKey(a)).not.toBe(personNameKey(b));
  });

  it('is empty for a blank name and keeps a lone title', () => {
    expect(personNameKey('  ')).toBe('');
    expect(personNameKey('Dr.')).toBe('dr');
  });
});

describe('emailKey', () => {
  it.each<[string, string]>([
    [' Anna.Kovacs@Example.COM ', 'anna.kovacs@example.com'],
    ['anna.kovacs@example.com', 'anna.kovacs@example.com'],
    ['mailto:Anna@Firma.HU', 'anna@firma.hu'],
    ['sales+expo@sub.example.co.uk', 'sales+expo@sub.example.co.uk'],
    ['Иван@Пример.РФ', 'иван@пример.рф'],
    ['info@xn--mller-kva.de', 'info@xn--mller-kva.de'],
    // Decomposed "å" and "ä" (as some keyboards and PDFs produce) compare equal to composed ones.
    ['A\u030Asa@Exa\u0308mple.se', '\u00E5sa@ex\u00E4mple.se'],
  ])('"%s" → "%s"', (raw, key) => {
    expect(emailKey(raw)).toBe(key);
  });

  it.each([
    'not-an-email',
    '',
    '   ',
    'anna@',
    '@example.com',
    'anna@example',
    'anna@example.c',
    'anna kovacs@example.com',
    'anna@@example.com',
    'anna@exa mple.com',
    'anna@example..com',
    'anna@-example.com',
    'anna@example.com.',
    'Anna <anna@example.com>',
    'anna@example.com, bob@example.com',
  ])('"%s" is not an email', (raw) => {
    expect(emailKey(raw)).toBeNull();
  });
});

describe('phoneKey', () => {
  it.each<[string, string[]]>([
    ['+36 30 123 4567', []],
    ['+36301234567', []],
    ['06 30 123 4567', ['HU']],
    ['06-30-123-4567', ['hu']],
    ['0036 30 123 4567', ['HU']],
    ['+36 (30) 123-4567', ['DE']],
    ['06 30 123 4567', ['GB', 'HU']],
    ['+36 30 123 4567 ext. 12', []],
  ])('"%s" (regions %j) is +36301234567', (raw, regions) => {
    expect(phoneKey(raw, regions)).toBe('+36301234567');
  });

  it('reads national numbers of other countries', () => {
    expect(phoneKey('8 (912) 345-67-89', ['RU'])).toBe(phoneKey('+7 912 345-67-89'));
    expect(phoneKey('098765 43210', ['IN'])).toBe(phoneKey('+91 98765 43210'));
    expect(phoneKey('+7 912 345-67-89')).not.toBeNull();
  });

  it('keys a number it cannot check by its digits, which match only the same digits', () => {
    expect(phoneKey('06 30 123 4567')).toBe('06301234567');
    expect(phoneKey('06-30-123-4567', [])).toBe(phoneKey('06 30 123 4567'));
    expect(phoneKey('06 30 123 4567')).not.toBe(phoneKey('06 30 123 4567', ['HU']));
  });

  it.each<[string, string[]]>([
    ['12345', ['HU']],
    ['not a phone', ['HU']],
    ['', ['HU']],
  ])('"%s" (regions %j) has no key', (raw, regions) => {
    expect(phoneKey(raw, regions)).toBeNull();
  });
});

describe('matchKeysOf', () => {
  it('keeps valid, distinct keys only', () => {
    const keys = matchKeysOf({
      emails: ['Anna@Example.com', ' anna@example.com', 'n/a'],
      phones: ['06 30 123 4567', '+36301234567', '000'],
      regions: ['HU'],
    });
    expect(keys.emails).toEqual(['anna@example.com']);
    expect(keys.phones).toEqual(['+36301234567']);
    expect(keys.company).toBe('');
    expect(keys.person).toBe('');
  });
});

describe('compareMatchKeys', () => {
  const typed = matchKeysOf({
    personName: 'Anna Kovács',
    emails: ['anna.kovacs@example.com'],
    phones: ['06 30 123 4567'],
    companyName: 'Kovács és Társa Kft.',
    regions: ['HU'],
  });

  it.each<[string, MatchInput, MatchReason[]]>([
    ['the same email, typed differently', { emails: [' Anna.Kovacs@Example.COM '] }, ['email']],
    ['one of several emails', { emails: ['info@kovacs.hu', 'anna.kovacs@example.com'] }, ['email']],
    ['the same phone, international form', { phones: ['+36 30 123 4567'] }, ['phone']],
    ['the same company in another spelling', { companyName: 'KOVACS ES TARSA' }, ['company']],
    ['the same person at another company', { personName: 'KOVÁCS Anna', companyName: 'Tisza Zrt.' }, ['person']],
    [
      'everything',
      { personName: 'Kovacs Anna', emails: ['anna.kovacs@example.com'], phones: ['+36301234567'], companyName: 'Kovács és Társa' },
      ['email', 'phone', 'company', 'person'],
    ],
    ['an unrelated record', { personName: 'Ivan Petrov', emails: ['ivan@romashka.ru'], phones: ['+7 912 345-67-89'], companyName: 'ООО «Ромашка»' }, []],
    ['an empty record', {}, []],
    ['another person of the same company domain', { personName: 'Béla Kovács', emails: ['bela.kovacs@example.com'] }, []],
  ])('%s', (_label, candidate, reasons) => {
    expect(compareMatchKeys(typed, matchKeysOf(candidate))).toEqual(reasons);
  });

  it('suggests companies whose name starts with what is typed so far', () => {
    const typing = (companyName: string) => matchKeysOf({ companyName });
    const existing = matchKeysOf({ companyName: 'Kovács és Társa Kft.' });
    expect(compareMatchKeys(typing('Kov'), existing)).toEqual(['company_prefix']);
    expect(compareMatchKeys(typing('KOVÁCS és T'), existing)).toEqual(['company_prefix']);
    expect(compareMatchKeys(typing('Ko'), existing)).toEqual([]); // too short to mean anything
    expect(compareMatchKeys(typing('Kovacs es Tarsa Kft'), existing)).toEqual(['company']); // not both
    expect(compareMatchKeys(typing('Kovácsné'), existing)).toEqual([]);
    // Legal forms typed first are ignored while the name itself is still being typed.
    expect(compareMatchKeys(typing('ООО «Ром'), matchKeysOf({ companyName: 'Romashka LLC' }))).toEqual(['company_prefix']);
    // A longer name starting with the typed one is a suggestion, not the same company.
    expect(compareMatchKeys(typing('ООО «Ромашка»'), matchKeysOf({ companyName: 'Ромашка-Строй' }))).toEqual(['company_prefix']);
    // The rule is one-way: the candidate is not "still being typed".
    expect(compareMatchKeys(typing('Ромашка-Строй'), matchKeysOf({ companyName: 'ООО «Ромашка»' }))).toEqual([]);
  });

  it('never matches on keys that are missing on both sides', () => {
    const blank = (input: MatchInput) => compareMatchKeys(matchKeysOf(input), matchKeysOf(input));
    expect(blank({})).toEqual([]);
    expect(blank({ personName: '', companyName: '', emails: [], phones: [] })).toEqual([]);
    expect(blank({ personName: ' ', companyName: '«»', emails: ['n/a', ''], phones: ['-', '000'], regions: ['HU'] })).toEqual([]);
  });
});

describe('matchStrength and matchRank', () => {
  it.each<[MatchReason[], ReturnType<typeof matchStrength>]>([
    [['email'], 'strong'],
    [['phone'], 'strong'],
    [['company'], 'strong'],
    [['person', 'company_prefix'], 'medium'],
    [['person'], 'medium'],
    [['company_prefix'], 'weak'],
    [[], null],
  ])('%j is %s', (reasons, strength) => {
    expect(matchStrength(reasons)).toBe(strength);
  });

  it('ranks any strong reason above weaker ones, then by number of reasons', () => {
    const candidates: MatchReason[][] = [['company_prefix'], ['person', 'company_prefix'], ['email', 'phone'], ['person'], ['phone'], []];
    const ranked = [...candidates].sort((a, b) => matchRank(b) - matchRank(a));
    expect(ranked).toEqual([['email', 'phone'], ['phone'], ['person', 'company_prefix'], ['person'], ['company_prefix'], []]);
  });
});

describe('typos and spelling variants', () => {
  const company = (name: string) => matchKeysOf({ companyName: name });
  const person = (name: string) => matchKeysOf({ personName: name });

  it('finds a company spelt another way: one edit per six letters', () => {
    expect(compareMatchKeys(company('Harbor Fixings'), company('Harbour Fixings Ltd'))).toEqual(['company_similar']);
    expect(compareMatchKeys(company('Harbour Fixings'), company('Harbor Fixings'))).toEqual(['company_similar']);
    // A swap of two neighbours is one edit; transliteration comes first, as for equal names.
    expect(compareMatchKeys(company('Kovcás és Társa Kft.'), company('Kovács és Társa'))).toEqual(['company_similar']);
    expect(compareMatchKeys(company('ООО «Ромашкa»'), company('Romaschka LLC'))).toEqual(['company_similar']);
    expect(compareMatchKeys(company('Nair Pumps'), company('Nair Pump'))).toEqual(['company_similar']);
  });

  it('does not stretch short names or more typos than the length allows', () => {
    expect(compareMatchKeys(company('Acme'), company('Acne'))).toEqual([]); // four letters: no typo tolerated
    expect(compareMatchKeys(company('Harbor Fixes'), company('Harbour Fixings'))).toEqual([]); // 3 edits in 11 letters
    expect(compareMatchKeys(company('Data Soft'), company('Data Corp'))).toEqual([]);
  });

  it('finds a person with a typo, as a weak reason', () => {
    expect(compareMatchKeys(person('Jon Smithers'), person('John Smithers'))).toEqual(['person_similar']);
    expect(matchStrength(['person_similar'])).toBe('weak');
    expect(matchStrength(['company_similar'])).toBe('medium');
  });

  it('counts edits exactly: insertions, deletions, changes and swaps', () => {
    expect(withinTypos('abcdefghijkl', 'abcdefghijkl')).toBe(true);
    expect(withinTypos('abcdefghijkl', 'abcdfeghijkl')).toBe(true); // one swap
    expect(withinTypos('abcdefghijkl', 'abdcfeghijkl')).toBe(true); // two swaps, 12 letters: 2 allowed
    expect(withinTypos('abcdefghijkl', 'abdcfehgijkl')).toBe(false); // three
    expect(withinTypos('abcdef', 'abcdefg')).toBe(true);
    expect(withinTypos('abcdef', 'abcdefgh')).toBe(false);
    expect(withinTypos('', '')).toBe(false);
  });

  it('agrees with the plain optimal string alignment distance on random keys', () => {
    // The textbook full-table distance: the banded, early-stopping one must answer the same.
    const osa = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const word = (length: number) => Array.from({ length }, () => 'abcd'[Math.floor(random() * 4)]).join('');
    for (let n = 0; n < 3000; n++) {
      const a = word(6 + Math.floor(random() * 14));
      // b: a with a few random edits, or another word.
      let b = a;
      for (let e = Math.floor(random() * 5); e > 0; e--) {
        const at = Math.floor(random() * (b.length + 1));
        const kind = Math.floor(random() * 3);
        b = kind === 0 ? b.slice(0, at) + word(1) + b.slice(at) : kind === 1 ? b.slice(0, at) + b.slice(at + 1) : b.slice(0, at) + word(1) + b.slice(at + 1);
      }
      if (random() < 0.2) b = word(6 + Math.floor(random() * 14));
      const allowed = Math.floor(Math.min(a.length, b.length) / 6);
      expect(withinTypos(a, b), `${a} ~ ${b}`).toBe(allowed > 0 && osa(a, b) <= allowed);
    }
  });
});
