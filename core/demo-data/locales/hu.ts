/** Hungarian clients: Kft/Zrt companies, family-name-first names with diacritics, +36 numbers. */
import { pad, phones, postcodeRange, slugOf, words, type DemoCity, type DemoLocale, type Word } from '../locale';
import type { Rng } from '../prng';
import { hungarianTaxNumber } from '../tax-ids';

const PLACE_WORDS = words([
  'Duna', 'Tisza', 'Balaton', 'Mátra', 'Alföld', 'Pannon', 'Hungária', 'Kárpát', 'Bakony', 'Kelet', 'Nyugat', 'Arany', 'Ezüst',
  'Zöld', 'Tölgy', 'Fény', 'Szivárvány', 'Vértes', 'Őrség', 'Üveg', 'Ügyfél', 'Hegyalja', 'Bükk', 'Szőlőhegy',
]);
const SECTORS = words([
  'Kereskedelmi', 'Építőipari', 'Szerviz', 'Logisztika', 'Gépgyártó', 'Élelmiszer', 'Agrár', 'Műszaki', 'Csomagoló',
  'Villamossági', 'Faipari', 'Fémipari', 'Vegyiáru', 'Hűtőtechnika', 'Fűtéstechnika', 'Nagykereskedés',
]);
const FORMS: readonly (readonly [string, string, number])[] = [
  ['Kft', 'Korlátolt Felelősségű Társaság', 75],
  ['Zrt', 'Zártkörűen Működő Részvénytársaság', 10],
  ['Bt', 'Betéti Társaság', 10],
  ['Kkt', 'Közkereseti Társaság', 3],
  ['Nyrt', 'Nyilvánosan Működő Részvénytársaság', 2],
];

const SURNAMES = words([
  'Kovács', 'Szabó', 'Tóth', 'Nagy', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Papp', 'Takács', 'Juhász',
  'Lakatos', 'Mészáros', 'Oláh', 'Simon', 'Rácz', 'Fekete', 'Szilágyi', 'Török', 'Fehér', 'Balázs', 'Gál', 'Szűcs', 'Kocsis', 'Pintér',
  'Fodor', 'Szalai', 'Sipos', 'Magyar', 'Lukács', 'Gulyás', 'Biró', 'Király', 'Katona', 'Hegedűs', 'Deák', 'Fülöp', 'Vörös', 'Szőke',
]);
const MALE = words(['László', 'István', 'József', 'János', 'Zoltán', 'Sándor', 'Gábor', 'Ferenc', 'Attila', 'Péter', 'Tamás', 'Zsolt', 'Tibor', 'András', 'Csaba', 'Imre', 'Lajos', 'György', 'Balázs', 'Bence']);
const FEMALE = words(['Mária', 'Erzsébet', 'Katalin', 'Éva', 'Ilona', 'Anna', 'Zsuzsanna', 'Judit', 'Ágnes', 'Andrea', 'Erika', 'Krisztina', 'Eszter', 'Mónika', 'Edit', 'Gabriella', 'Szilvia', 'Tímea', 'Orsolya', 'Dóra', 'Réka']);

const city = (name: string, region: string, postcode: (rng: Rng) => string, county: string, ...landlines: string[]): DemoCity => ({
  name,
  region,
  postcode,
  landlines: phones(8, ...landlines),
  taxRegion: county,
});

const CITIES: DemoCity[] = [
  // Budapest postcodes are 1 + district (01–23) + a delivery digit; tax numbers end 41–44.
  city('Budapest', '', (rng) => `1${pad(rng.range(1, 23), 2)}${rng.range(1, 9)}`, '41', '12', '13', '14'),
  city('Debrecen', 'Hajdú-Bihar', postcodeRange(4024, 4032), '09', '524', '525'),
  city('Szeged', 'Csongrád-Csanád', postcodeRange(6720, 6729), '06', '624'),
  city('Miskolc', 'Borsod-Abaúj-Zemplén', postcodeRange(3525, 3535), '05', '462'),
  city('Pécs', 'Baranya', postcodeRange(7621, 7636), '02', '723'),
  city('Győr', 'Győr-Moson-Sopron', postcodeRange(9021, 9030), '08', '963'),
  city('Nyíregyháza', 'Szabolcs-Szatmár-Bereg', postcodeRange(4400, 4405), '15', '424'),
  city('Kecskemét', 'Bács-Kiskun', postcodeRange(6000, 6008), '03', '763'),
  city('Székesfehérvár', 'Fejér', postcodeRange(8000, 8019), '07', '223'),
  city('Szombathely', 'Vas', postcodeRange(9700, 9701), '18', '943'),
];

const STREETS = ['Kossuth Lajos', 'Petőfi Sándor', 'Rákóczi', 'Széchenyi', 'Andrássy', 'Fő', 'Dózsa György', 'Bajcsy-Zsilinszky', 'Arany János', 'Ady Endre', 'Jókai Mór', 'Váci', 'Hunyadi János', 'Béke', 'Szabadság', 'Deák Ferenc', 'Vörösmarty', 'Táncsics Mihály'];

function pickForm(rng: Rng): readonly [string, string, number] {
  let x = rng.int(100);
  for (const f of FORMS) {
    if (x < f[2]) return f;
    x -= f[2];
  }
  return FORMS[0]!;
}

export const hu: DemoLocale = {
  tag: 'hu-HU',
  language: 'hu',
  country: 'HU',
  callingCode: '36',
  currency: 'HUF',
  perUsd: 360,
  cents: false,
  tld: 'hu',
  freeMail: ['gmail.com', 'freemail.hu', 'citromail.hu'],
  cities: CITIES,
  mobiles: phones(9, '20', '30', '31', '50', '70'),
  company(rng) {
    const [short, full] = pickForm(rng);
    const r = rng.float();
    let parts: Word[];
    if (r < 0.7) parts = [rng.pick(PLACE_WORDS), rng.pick(SECTORS)];
    else if (r < 0.85) parts = [rng.pick(SURNAMES), { text: 'és Társa', ascii: 'es-tarsa' }];
    else parts = [rng.pick(PLACE_WORDS), { text: 'Trade', ascii: 'trade' }];
    const base = parts.map((p) => p.text).join(' ');
    // Everyday Hungarian names keep the form ("Pannon Műszaki Kft"); the registry writes it with a dot.
    const legalName = rng.chance(0.8) ? `${base} ${short}.` : `${base} ${full}`;
    return { name: rng.chance(0.85) ? `${base} ${short}` : base, legalName, slug: slugOf(rng, parts), latin: true };
  },
  person(rng) {
    const female = rng.chance(0.5);
    const first = rng.pick(female ? FEMALE : MALE);
    const last = rng.pick(SURNAMES);
    // Hungarian order: family name first. Some married women use the husband's name + "-né".
    if (female && rng.chance(0.06)) {
      const husband = rng.pick(SURNAMES);
      return { name: `${husband.text}né ${last.text} ${first.text}`, first: first.ascii, last: husband.ascii };
    }
    return { name: `${last.text} ${first.text}`, first: first.ascii, last: last.ascii };
  },
  street(rng) {
    const r = rng.float();
    const kind = r < 0.6 ? 'utca' : r < 0.85 ? 'út' : r < 0.92 ? 'tér' : 'körút';
    return `${rng.pick(STREETS)} ${kind} ${rng.range(1, 140)}.${rng.chance(0.2) ? ` ${rng.range(1, 6)}. em.` : ''}`;
  },
  taxId: (rng, c) => hungarianTaxNumber(rng, c.taxRegion === '41' ? String(rng.range(41, 44)) : c.taxRegion),
  contractNumber: (rng, year) => `SZ-${year}/${pad(rng.range(1, 800), 3)}`,
  positions: [
    ['Ügyvezető igazgató', 'decision_maker'],
    ['Ügyvezető', 'decision_maker'],
    ['Kereskedelmi igazgató', 'decision_maker'],
    ['Beszerzési vezető', 'influencer'],
    ['Pénzügyi vezető', 'influencer'],
    ['Műszaki vezető', 'influencer'],
    ['Beszerző', 'user'],
    ['Raktárvezető', 'user'],
    ['Titkárnő', 'gatekeeper'],
    ['Irodavezető', 'gatekeeper'],
    ['Könyvelő', 'other'],
  ],
  industries: ['Nagykereskedelem', 'Építőipar', 'Élelmiszeripar', 'Gépgyártás', 'Kiskereskedelem', 'Logisztika', 'Mezőgazdaság', 'Egészségügy', 'Vendéglátás', 'Autóipar', 'Energetika', 'Faipar'],
  tags: ['kiállítás', 'pályázat'],
  contractTerms: ['Fizetés a számla kézhezvételétől számított 30 napon belül.', 'Szállítás a megrendelő telephelyére díjmentesen.', 'Havi folyószámla-egyeztetés.'],
  notes: ['Csak délelőtt hívható.', 'A megrendeléseket e-mailben kéri visszaigazolni.', 'Nyáron két hétig zárva tart.'],
};
