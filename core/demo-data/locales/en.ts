/** English-speaking clients: the United Kingdom and the United States. */
import type { DecisionRole } from '../../client-model';
import { pad, phones, pickTwo, postcodeRange, slugOf, words, type DemoCity, type DemoLocale, type Word } from '../locale';
import type { Rng } from '../prng';
import { ukVat, usEin } from '../tax-ids';

const TRADES = words([
  'Supplies', 'Trading', 'Logistics', 'Engineering', 'Foods', 'Packaging', 'Tools', 'Electrical', 'Building Supplies',
  'Distribution', 'Hardware', 'Plastics', 'Components', 'Timber', 'Industrial', 'Office Supplies', 'Catering', 'Print',
  'Fasteners', 'Hydraulics', 'Flooring', 'Safety', 'Medical', 'Automotive',
]);

const POSITIONS: readonly (readonly [string, DecisionRole])[] = [
  ['Managing Director', 'decision_maker'],
  ['Owner', 'decision_maker'],
  ['Head of Procurement', 'decision_maker'],
  ['Purchasing Manager', 'influencer'],
  ['Finance Director', 'influencer'],
  ['Operations Manager', 'influencer'],
  ['Technical Director', 'influencer'],
  ['Buyer', 'user'],
  ['Warehouse Manager', 'user'],
  ['Project Engineer', 'user'],
  ['Office Manager', 'gatekeeper'],
  ['Executive Assistant', 'gatekeeper'],
  ['Accounts Payable Clerk', 'other'],
];

const INDUSTRIES = [
  'Wholesale trade', 'Construction', 'Food processing', 'Manufacturing', 'Retail', 'Logistics', 'Agriculture', 'Healthcare',
  'Hospitality', 'Automotive', 'Energy', 'Engineering services', 'Packaging', 'Furniture', 'Electronics',
];

const TAGS = ['trade-fair', 'framework-agreement'];
const TERMS = [
  'Net 30, delivery DAP to the main warehouse.',
  'Quarterly volume rebate of 2 % above the agreed target.',
  'Prices fixed until the end of the calendar year.',
  'Statement reconciliation by the 5th of each month.',
];
const NOTES = ['Prefers email; visit once a quarter.', 'Buyer changes often: check who signs before quoting.', 'Closed on Fridays after 1 pm.'];

function englishPerson(first: readonly Word[][], last: readonly Word[]) {
  return (rng: Rng) => {
    const f = rng.pick(rng.chance(0.5) ? first[0]! : first[1]!);
    const l = rng.pick(last);
    return { name: `${f.text} ${l.text}`, first: f.ascii, last: l.ascii };
  };
}

interface EnglishFlavour {
  prefixes: readonly Word[];
  surnames: readonly Word[];
  /** Legal forms with their weight out of 100. */
  forms: readonly (readonly [string, number])[];
}

function englishCompany(rng: Rng, f: EnglishFlavour) {
  const trade = rng.pick(TRADES);
  const r = rng.float();
  let parts: Word[];
  if (r < 0.65) parts = [rng.pick(f.prefixes), trade];
  else if (r < 0.8) parts = [rng.pick(f.surnames), { text: '& Sons', ascii: 'sons' }];
  else if (r < 0.9) {
    const [a, b] = pickTwo(rng, f.surnames);
    parts = [a, { text: '&', ascii: '' }, b];
  }
  else parts = [rng.pick(f.surnames), trade];
  const base = parts.map((p) => p.text).join(' ');
  let x = rng.int(100);
  let form = f.forms[0]![0];
  for (const [name, weight] of f.forms) {
    if (x < weight) {
      form = name;
      break;
    }
    x -= weight;
  }
  return { name: rng.chance(0.3) ? `${base} ${form}` : base, legalName: `${base} ${form}`, slug: slugOf(rng, parts), latin: true };
}

// ---------------------------------------------------------------- United Kingdom

const GB_FIRST = [
  words(['Oliver', 'Jack', 'Harry', 'George', 'James', 'William', 'Thomas', 'Daniel', 'Matthew', 'David', 'Richard', 'Paul', 'Mark', 'Andrew', 'Simon', 'Callum', 'Rhys']),
  words(['Emma', 'Sophie', 'Charlotte', 'Emily', 'Olivia', 'Lucy', 'Hannah', 'Sarah', 'Rebecca', 'Claire', 'Victoria', 'Helen', 'Rachel', 'Laura', 'Jessica', 'Fiona', 'Siobhan']),
];
const GB_SURNAMES = words([
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Harrington', 'Whitmore', 'Fletcher', 'Barker',
  'Hughes', 'Patel', 'Khan', "O'Brien", 'Murphy', 'Campbell', 'MacLeod', 'Ashworth',
]);
const GB_PREFIXES = words([
  'Northern', 'Summit', 'Crown', 'Atlas', 'Pioneer', 'Thames', 'Pennine', 'Albion', 'Kestrel', 'Oakfield', 'Riverside', 'Highland',
  'Beacon', 'Sterling', 'Castle', 'Meridian', 'Harbour', 'Granite', 'Westfield', 'Brookside', 'Redwood', 'Falcon', 'Greenway',
  'Lakeland', 'Avon', 'Severn', 'Cotswold', 'Mercia', 'Wessex', 'Clyde',
]);

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const gbPostcode =
  (...outward: string[]) =>
  (rng: Rng): string =>
    `${rng.pick(outward)} ${rng.int(10)}${INWARD_LETTERS[rng.int(20)]}${INWARD_LETTERS[rng.int(20)]}`;

const GB_CITIES: DemoCity[] = [
  { name: 'London', region: 'Greater London', postcode: gbPostcode('EC1A', 'EC2V', 'SW1P', 'W1D', 'E14', 'SE1', 'N1', 'NW1', 'WC2H'), landlines: phones(10, '207', '208', '203'), taxRegion: '' },
  { name: 'Manchester', region: 'Greater Manchester', postcode: gbPostcode('M1', 'M2', 'M3', 'M4', 'M15', 'M50'), landlines: phones(10, '1614', '1612'), taxRegion: '' },
  { name: 'Birmingham', region: 'West Midlands', postcode: gbPostcode('B1', 'B2', 'B3', 'B5', 'B15'), landlines: phones(10, '1214', '1216'), taxRegion: '' },
  { name: 'Leeds', region: 'West Yorkshire', postcode: gbPostcode('LS1', 'LS2', 'LS9', 'LS11'), landlines: phones(10, '1132', '1134'), taxRegion: '' },
  { name: 'Glasgow', region: 'Scotland', postcode: gbPostcode('G1', 'G2', 'G3', 'G40'), landlines: phones(10, '1412', '1415'), taxRegion: '' },
  { name: 'Bristol', region: '', postcode: gbPostcode('BS1', 'BS2', 'BS8'), landlines: phones(10, '1179', '1172'), taxRegion: '' },
  { name: 'Liverpool', region: 'Merseyside', postcode: gbPostcode('L1', 'L2', 'L3'), landlines: phones(10, '1512', '1514'), taxRegion: '' },
  { name: 'Edinburgh', region: 'Scotland', postcode: gbPostcode('EH1', 'EH2', 'EH3', 'EH6'), landlines: phones(10, '1312', '1314'), taxRegion: '' },
  { name: 'Sheffield', region: 'South Yorkshire', postcode: gbPostcode('S1', 'S2', 'S3', 'S9'), landlines: phones(10, '1142', '1143'), taxRegion: '' },
  { name: 'Cardiff', region: 'Wales', postcode: gbPostcode('CF10', 'CF11', 'CF24'), landlines: phones(10, '2920', '2922'), taxRegion: '' },
];

const GB_STREETS = ['High', 'Station', 'Church', 'Victoria', 'Park', 'Mill', 'London', 'Queen', 'King', 'Bridge', 'Manor', 'Albert', 'York', 'Chapel', 'Castle', 'Market'];
const GB_STREET_TYPES = ['Street', 'Road', 'Lane', 'Avenue', 'Way', 'Close'];

const gbFlavour: EnglishFlavour = { prefixes: GB_PREFIXES, surnames: GB_SURNAMES, forms: [['Ltd', 85], ['LLP', 10], ['PLC', 5]] };

export const enGB: DemoLocale = {
  tag: 'en-GB',
  language: 'en',
  country: 'GB',
  callingCode: '44',
  currency: 'GBP',
  perUsd: 0.79,
  cents: true,
  tld: 'co.uk',
  freeMail: ['gmail.com', 'outlook.com', 'btinternet.com'],
  cities: GB_CITIES,
  mobiles: phones(10, '74', '75', '77', '78', '790', '792', '795', '797'),
  company: (rng) => englishCompany(rng, gbFlavour),
  person: englishPerson(GB_FIRST, GB_SURNAMES),
  street: (rng) =>
    rng.chance(0.15)
      ? `Unit ${rng.range(1, 40)}, ${rng.pick(GB_STREETS)} Industrial Estate`
      : `${rng.range(1, 240)} ${rng.pick(GB_STREETS)} ${rng.pick(GB_STREET_TYPES)}`,
  taxId: (rng) => ukVat(rng),
  contractNumber: (rng, year) => `FB-${year}-${pad(rng.range(1, 999), 4)}`,
  positions: POSITIONS,
  industries: INDUSTRIES,
  tags: TAGS,
  contractTerms: TERMS,
  notes: NOTES,
};

// ---------------------------------------------------------------- United States

const US_FIRST = [
  words(['Michael', 'Christopher', 'Joshua', 'Matthew', 'Andrew', 'Ryan', 'Brandon', 'Tyler', 'Kevin', 'Brian', 'Jason', 'Eric', 'Steven', 'José', 'Carlos', 'DeShawn']),
  words(['Jennifer', 'Jessica', 'Ashley', 'Amanda', 'Sarah', 'Stephanie', 'Nicole', 'Melissa', 'Megan', 'Lauren', 'Rachel', 'María', 'Kimberly', 'Michelle', 'Emily', 'Latoya']),
];
const US_SURNAMES = words([
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Wilson', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Nguyen', 'Kowalski', 'Schneider',
]);
const US_PREFIXES = words([
  'Great Lakes', 'Pacific', 'Liberty', 'Eagle', 'Summit', 'Keystone', 'Lone Star', 'Golden Gate', 'Bay Area', 'Midwest', 'Hudson',
  'Rocky Mountain', 'Evergreen', 'Patriot', 'Frontier', 'Cascade', 'Empire', 'Gulf Coast', 'Prairie', 'Atlantic', 'Blue Ridge',
]);

const US_CITIES: DemoCity[] = [
  { name: 'New York', region: 'NY', postcode: postcodeRange(10001, 10282), landlines: phones(10, '2125', '6463', '7182'), taxRegion: '' },
  { name: 'Chicago', region: 'IL', postcode: postcodeRange(60601, 60661), landlines: phones(10, '3125', '7733'), taxRegion: '' },
  { name: 'Los Angeles', region: 'CA', postcode: postcodeRange(90001, 90089), landlines: phones(10, '2134', '3103', '3235'), taxRegion: '' },
  { name: 'Houston', region: 'TX', postcode: postcodeRange(77001, 77099), landlines: phones(10, '7135', '2813'), taxRegion: '' },
  { name: 'Boston', region: 'MA', postcode: postcodeRange(2108, 2137, 5), landlines: phones(10, '6175', '8572'), taxRegion: '' },
  { name: 'Seattle', region: 'WA', postcode: postcodeRange(98101, 98199), landlines: phones(10, '2065', '4252'), taxRegion: '' },
  { name: 'Austin', region: 'TX', postcode: postcodeRange(78701, 78759), landlines: phones(10, '5124', '7373'), taxRegion: '' },
  { name: 'Denver', region: 'CO', postcode: postcodeRange(80202, 80239), landlines: phones(10, '3035', '7202'), taxRegion: '' },
  { name: 'Atlanta', region: 'GA', postcode: postcodeRange(30301, 30350), landlines: phones(10, '4045', '6782'), taxRegion: '' },
  { name: 'Minneapolis', region: 'MN', postcode: postcodeRange(55401, 55488), landlines: phones(10, '6123', '9525'), taxRegion: '' },
];

const US_STREETS = ['Main', 'Oak', 'Maple', 'Elm', 'Washington', 'Lake', 'Park', 'Cedar', 'Pine', 'Market', 'Lincoln', 'Jefferson', 'Madison', 'Franklin', 'Commerce', 'Industrial'];
const US_STREET_TYPES = ['St', 'Ave', 'Blvd', 'Rd', 'Dr', 'Pkwy'];

const usFlavour: EnglishFlavour = { prefixes: US_PREFIXES, surnames: US_SURNAMES, forms: [['Inc.', 55], ['LLC', 35], ['Corp.', 10]] };

export const enUS: DemoLocale = {
  tag: 'en-US',
  language: 'en',
  country: 'US',
  callingCode: '1',
  currency: 'USD',
  perUsd: 1,
  cents: true,
  tld: 'com',
  freeMail: ['gmail.com', 'outlook.com', 'yahoo.com'],
  cities: US_CITIES,
  // North American mobiles share the area codes of landlines.
  mobiles: US_CITIES.flatMap((c) => c.landlines),
  company: (rng) => englishCompany(rng, usFlavour),
  person: englishPerson(US_FIRST, US_SURNAMES),
  street: (rng) =>
    `${rng.range(10, 9800)} ${rng.pick(US_STREETS)} ${rng.pick(US_STREET_TYPES)}${rng.chance(0.25) ? `, Suite ${rng.range(1, 9)}${pad(rng.range(0, 20), 2)}` : ''}`,
  taxId: (rng) => usEin(rng),
  contractNumber: (rng, year) => `SA-${year}-${pad(rng.range(1, 999), 4)}`,
  positions: POSITIONS,
  industries: INDUSTRIES,
  tags: TAGS,
  contractTerms: TERMS,
  notes: NOTES,
};
