/** Indonesian clients: PT/CV/UD companies, Javanese and Sumatran names, +62 numbers, NPWP. */
import { pad, phones, pickTwo, postcodeRange, slugOf, words, type DemoCity, type DemoLocale, type Word } from '../locale';
import { npwp } from '../tax-ids';

const NAME_WORDS = words([
  'Sinar', 'Maju', 'Jaya', 'Abadi', 'Makmur', 'Sentosa', 'Sejahtera', 'Mandiri', 'Karya', 'Bumi', 'Mitra', 'Cahaya', 'Sumber',
  'Rejeki', 'Utama', 'Nusantara', 'Indah', 'Bersama', 'Persada', 'Gemilang', 'Prima', 'Perkasa', 'Agung', 'Berkah', 'Surya',
  'Harapan', 'Anugerah', 'Tunggal', 'Lestari', 'Samudra', 'Mulia',
]);
const SECTORS = words(['Logistik', 'Teknik', 'Elektrik', 'Kimia', 'Plastik', 'Pangan', 'Konstruksi', 'Distribusi', 'Niaga', 'Farma', 'Tekstil', 'Baja']);

const FIRST = [
  words(['Budi', 'Agus', 'Rudi', 'Andi', 'Hendra', 'Dedi', 'Eko', 'Joko', 'Bambang', 'Slamet', 'Wahyu', 'Fajar', 'Rizki', 'Adi', 'Yusuf', 'Arif', 'Hadi', 'Teguh']),
  words(['Siti', 'Dewi', 'Sri', 'Rina', 'Ani', 'Yuni', 'Lestari', 'Putri', 'Indah', 'Ratna', 'Wulan', 'Fitri', 'Nur', 'Maya', 'Ayu', 'Dian', 'Kartika']),
];
const LAST = words([
  'Santoso', 'Setiawan', 'Wijaya', 'Hartono', 'Rahayu', 'Saputra', 'Susanto', 'Gunawan', 'Kurniawan', 'Pratama', 'Hidayat', 'Nugroho',
  'Wibowo', 'Purnomo', 'Siregar', 'Nasution', 'Simanjuntak', 'Lubis', 'Halim', 'Tanoto', 'Salim', 'Sutanto', 'Harahap', 'Sitompul',
  'Utomo', 'Prasetyo',
]);

const city = (name: string, region: string, from: number, to: number, ...landlines: [number, string][]): DemoCity => ({
  name,
  region,
  postcode: postcodeRange(from, to),
  landlines: landlines.flatMap(([len, p]) => phones(len, p)),
  taxRegion: '',
});

const CITIES: DemoCity[] = [
  city('Jakarta', 'DKI Jakarta', 10110, 14540, [10, '21']),
  city('Surabaya', 'Jawa Timur', 60111, 60299, [10, '31']),
  city('Bandung', 'Jawa Barat', 40111, 40295, [10, '22'], [9, '22']),
  city('Medan', 'Sumatera Utara', 20111, 20239, [10, '61'], [9, '61']),
  city('Semarang', 'Jawa Tengah', 50111, 50275, [10, '24'], [9, '24']),
  city('Makassar', 'Sulawesi Selatan', 90111, 90245, [10, '411']),
  city('Denpasar', 'Bali', 80111, 80239, [9, '361']),
  city('Yogyakarta', 'DI Yogyakarta', 55111, 55294, [9, '274']),
  city('Tangerang', 'Banten', 15111, 15158, [10, '21']),
  city('Bekasi', 'Jawa Barat', 17111, 17158, [10, '21']),
];

const STREETS = ['Jend. Sudirman', 'M.H. Thamrin', 'Gatot Subroto', 'Diponegoro', 'Ahmad Yani', 'Gajah Mada', 'Hayam Wuruk', 'Pemuda', 'Merdeka', 'Pahlawan', 'Veteran', 'Asia Afrika', 'Imam Bonjol', 'Kartini', 'Raya Darmo', 'Basuki Rahmat', 'Pattimura', 'Hasanuddin', 'Teuku Umar', 'Panglima Polim'];
const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export const id: DemoLocale = {
  tag: 'id-ID',
  language: 'id',
  country: 'ID',
  callingCode: '62',
  currency: 'IDR',
  perUsd: 15800,
  cents: false,
  tld: 'co.id',
  freeMail: ['gmail.com', 'yahoo.co.id'],
  cities: CITIES,
  mobiles: phones(11, '811', '812', '813', '821', '822', '852', '853', '815', '816', '817', '818', '819', '856', '857', '877', '878'),
  company(rng) {
    const [a, b] = pickTwo(rng, NAME_WORDS);
    const parts: Word[] = rng.chance(0.3) ? [a, b, rng.pick(SECTORS)] : rng.chance(0.5) ? [a, b] : [a, b, rng.pick(NAME_WORDS.filter((w) => w !== a && w !== b))];
    const base = parts.map((p) => p.text).join(' ');
    const r = rng.float();
    const form = r < 0.65 ? 'PT' : r < 0.9 ? 'CV' : 'UD';
    // Indonesians write the form in front and usually keep it in the everyday name too.
    return { name: rng.chance(0.6) ? `${form} ${base}` : base, legalName: `${form} ${base}${form === 'PT' && rng.chance(0.03) ? ' Tbk' : ''}`, slug: slugOf(rng, parts), latin: true };
  },
  person(rng) {
    const first = rng.pick(FIRST[rng.chance(0.5) ? 0 : 1]!);
    // Many Indonesians go by a single name.
    if (rng.chance(0.08)) return { name: first.text, first: first.ascii, last: '' };
    const last = rng.pick(LAST);
    return { name: `${first.text} ${last.text}`, first: first.ascii, last: last.ascii };
  },
  street: (rng) => `Jl. ${rng.pick(STREETS)} ${rng.chance(0.15) ? `Kav. ${rng.range(1, 80)}` : `No. ${rng.range(1, 220)}`}`,
  taxId: (rng) => npwp(rng),
  contractNumber: (rng, year) => `${pad(rng.range(1, 300), 3)}/PKS/${rng.pick(ROMAN_MONTHS)}/${year}`,
  positions: [
    ['Direktur Utama', 'decision_maker'],
    ['Direktur', 'decision_maker'],
    ['Pemilik', 'decision_maker'],
    ['Manajer Pembelian', 'influencer'],
    ['Manajer Keuangan', 'influencer'],
    ['Manajer Operasional', 'influencer'],
    ['Kepala Bagian Teknik', 'influencer'],
    ['Staf Pengadaan', 'user'],
    ['Kepala Gudang', 'user'],
    ['Sekretaris', 'gatekeeper'],
    ['Admin Penjualan', 'other'],
  ],
  industries: ['Perdagangan Besar', 'Konstruksi', 'Industri Makanan', 'Manufaktur', 'Ritel', 'Logistik', 'Pertanian', 'Kesehatan', 'Perhotelan', 'Otomotif', 'Energi', 'Tekstil'],
  tags: ['pameran', 'grosir'],
  contractTerms: ['Pembayaran 30 hari setelah faktur diterima.', 'Harga franco gudang Cikarang.', 'Rekonsiliasi saldo setiap akhir bulan.'],
  notes: ['Lebih suka dihubungi lewat WhatsApp.', 'Kantor tutup saat salat Jumat.', 'Keputusan pembelian di kantor pusat Jakarta.'],
};
