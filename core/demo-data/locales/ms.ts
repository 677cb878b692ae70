/** Malaysian clients: Sdn Bhd companies, Malay, Chinese and Indian Malaysian names, +60 numbers. */
import { pad, phones, pickTwo, postcodeRange, slugOf, words, type DemoCity, type DemoLocale, type Word } from '../locale';
import { ssmNumber } from '../tax-ids';

const MALAY_WORDS = words(['Maju', 'Jaya', 'Cahaya', 'Seri', 'Murni', 'Gemilang', 'Bintang', 'Timur', 'Utara', 'Sinar', 'Teguh', 'Bestari', 'Sejati', 'Mutiara', 'Perdana', 'Setia', 'Wawasan', 'Saujana', 'Harmoni', 'Dinamik', 'Kencana']);
const HOKKIEN_NAMES = words(['Hock Seng', 'Kim Hin', 'Soon Huat', 'Chee Wah', 'Guan Lee', 'Heng Fatt', 'Yew Lee', 'Ban Hin', 'Teck Guan', 'Seng Heng']);
// Malaysian firms mix Malay and English in their names ("Teguh Engineering").
const SECTORS = words(['Trading', 'Engineering', 'Hardware', 'Logistics', 'Industries', 'Pembinaan', 'Teknologi', 'Supplies', 'Marketing', 'Perabot', 'Electrical', 'Plastik', 'Machinery']);

const MALAY_MALE = words(['Ahmad', 'Muhammad', 'Mohd Faizal', 'Azman', 'Hafiz', 'Rizal', 'Ismail', 'Hassan', 'Kamal', 'Amir', 'Zulkifli', 'Farid', 'Syafiq', 'Khairul']);
const MALAY_FEMALE = words(['Nur Aisyah', 'Siti Aminah', 'Nurul Huda', 'Fatimah', 'Aishah', 'Farah', 'Nadia', 'Zarina', 'Norazlina', 'Hidayah', 'Suraya', 'Nor Hayati']);
const MALAY_FATHERS = words(['Abdullah', 'Ismail', 'Ibrahim', 'Hassan', 'Yusof', 'Osman', 'Rahman', 'Hamid', 'Salleh', 'Ali', 'Razak', 'Aziz']);
const CHINESE_SURNAMES = words(['Tan', 'Lim', 'Lee', 'Wong', 'Ng', 'Chong', 'Ong', 'Teh', 'Goh', 'Chan', 'Yap', 'Low']);
const CHINESE_GIVEN = words(['Wei Ming', 'Mei Ling', 'Chee Keong', 'Siew Lan', 'Kok Wai', 'Hui Min', 'Jia Hui', 'Boon Hock', 'Li Ting', 'Kah Wai']);
const INDIAN_GIVEN = [words(['Rajesh', 'Suresh', 'Ganesh', 'Murugan', 'Vijay']), words(['Kavitha', 'Priya', 'Devi', 'Lakshmi', 'Shanti'])];
const INDIAN_FATHERS = words(['Kumar', 'Subramaniam', 'Muthu', 'Krishnan', 'Ramasamy', 'Arumugam']);

const city = (name: string, region: string, from: number, to: number, len: number, ...landlines: string[]): DemoCity => ({
  name,
  region,
  postcode: postcodeRange(from, to, 5),
  landlines: phones(len, ...landlines),
  taxRegion: '',
});

const CITIES: DemoCity[] = [
  city('Kuala Lumpur', 'Wilayah Persekutuan', 50000, 60000, 9, '321', '322', '326', '327'),
  city('Petaling Jaya', 'Selangor', 46000, 47800, 9, '378', '379'),
  city('Shah Alam', 'Selangor', 40000, 40470, 9, '355'),
  city('George Town', 'Pulau Pinang', 10000, 10470, 8, '422', '426'),
  city('Johor Bahru', 'Johor', 80000, 81300, 8, '72'),
  city('Ipoh', 'Perak', 30000, 31650, 8, '524', '525'),
  city('Kota Kinabalu', 'Sabah', 88000, 88999, 8, '882'),
  city('Kuching', 'Sarawak', 93000, 93999, 8, '822'),
  city('Melaka', 'Melaka', 75000, 75460, 8, '623', '628'),
  city('Seremban', 'Negeri Sembilan', 70000, 70450, 8, '676', '677'),
];

const STREETS = ['Ampang', 'Tun Razak', 'Bukit Bintang', 'Sultan Ismail', 'Raja Laut', 'Tun Sambanthan', 'Pudu', 'Klang Lama', 'Ipoh', 'Gasing', 'Imbi', 'Perdana', 'Bunga Raya', 'Merdeka', 'Tanjung', 'Besar'];

export const ms: DemoLocale = {
  tag: 'ms-MY',
  language: 'ms',
  country: 'MY',
  callingCode: '60',
  currency: 'MYR',
  perUsd: 4.7,
  cents: true,
  tld: 'com.my',
  freeMail: ['gmail.com', 'yahoo.com'],
  cities: CITIES,
  mobiles: [...phones(9, '12', '16', '19'), ...phones(10, '111', '112', '113')],
  company(rng) {
    const r = rng.float();
    let parts: Word[];
    if (r < 0.55) parts = [...pickTwo(rng, MALAY_WORDS), rng.pick(SECTORS)];
    else if (r < 0.8) parts = [rng.pick(HOKKIEN_NAMES), rng.pick(SECTORS)];
    else parts = [rng.pick(MALAY_WORDS), rng.pick(SECTORS)];
    const base = parts.map((p) => p.text).join(' ');
    const f = rng.float();
    // "Enterprise" is a sole proprietorship: the form is part of the name itself.
    if (f < 0.15) return { name: `${base} Enterprise`, legalName: `${base} Enterprise`, slug: slugOf(rng, parts), latin: true };
    const form = f < 0.2 ? 'Berhad' : f < 0.25 ? 'PLT' : rng.chance(0.2) ? '(M) Sdn Bhd' : 'Sdn Bhd';
    return { name: rng.chance(0.25) ? `${base} Sdn Bhd` : base, legalName: `${base} ${form}`, slug: slugOf(rng, parts), latin: true };
  },
  person(rng) {
    const r = rng.float();
    if (r < 0.6) {
      const female = rng.chance(0.45);
      const first = rng.pick(female ? MALAY_FEMALE : MALAY_MALE);
      const father = rng.pick(MALAY_FATHERS);
      return { name: `${first.text} ${female ? 'binti' : 'bin'} ${father.text}`, first: first.ascii, last: father.ascii };
    }
    if (r < 0.9) {
      const last = rng.pick(CHINESE_SURNAMES);
      const given = rng.pick(CHINESE_GIVEN);
      return { name: `${last.text} ${given.text}`, first: given.ascii, last: last.ascii };
    }
    const female = rng.chance(0.5);
    const first = rng.pick(INDIAN_GIVEN[female ? 1 : 0]!);
    const father = rng.pick(INDIAN_FATHERS);
    return { name: `${first.text} ${female ? 'a/p' : 'a/l'} ${father.text}`, first: first.ascii, last: father.ascii };
  },
  street(rng) {
    const r = rng.float();
    if (r < 0.2) return `Lot ${rng.range(1, 120)}, Jalan Perindustrian ${rng.range(1, 12)}`;
    if (r < 0.35) return `${rng.range(1, 60)}, Jalan SS ${rng.range(1, 26)}/${rng.range(1, 40)}`;
    return `No. ${rng.range(1, 250)}, Jalan ${rng.pick(STREETS)}`;
  },
  taxId: (rng, _city, company) => ssmNumber(rng, rng.range(2019, 2025), company.legalName.endsWith('Enterprise') ? '03' : '01'),
  contractNumber: (rng, year) => `PJ/${year}/${pad(rng.range(1, 500), 3)}`,
  positions: [
    ['Pengarah Urusan', 'decision_maker'],
    ['Pengarah', 'decision_maker'],
    ['Pengurus Besar', 'decision_maker'],
    ['Pengurus Pembelian', 'influencer'],
    ['Akauntan', 'influencer'],
    ['Pengurus Operasi', 'influencer'],
    ['Eksekutif Perolehan', 'user'],
    ['Penyelia Stor', 'user'],
    ['Jurutera Projek', 'user'],
    ['Setiausaha', 'gatekeeper'],
    ['Kerani Akaun', 'other'],
  ],
  industries: ['Perdagangan Borong', 'Pembinaan', 'Pemprosesan Makanan', 'Pembuatan', 'Runcit', 'Logistik', 'Pertanian', 'Kesihatan', 'Perhotelan', 'Automotif', 'Tenaga', 'Elektronik'],
  tags: ['pameran', 'borong'],
  contractTerms: ['Bayaran dalam 30 hari dari tarikh invois.', 'Penghantaran percuma ke gudang Shah Alam.', 'Penyata akaun dihantar setiap bulan.'],
  notes: ['Lebih suka dihubungi melalui WhatsApp.', 'Pejabat tutup awal pada hari Jumaat.', 'Pesanan besar perlu kelulusan ibu pejabat.'],
};
