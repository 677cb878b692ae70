/**
 * What the demo catalog is made of: a product-group tree of a trade supplier (tools, fasteners,
 * electrical, plumbing, safety, building materials, packaging), product types with their names,
 * units and characteristics in the demo's six languages, and brands. `catalog.ts` combines them.
 * Group names and product texts are in English, the company's working language; each product's
 * name is also given in the five others, for the managers and clients who read them.
 */

export const CATALOG_LANGUAGES = ['en', 'ru', 'id', 'ms', 'hi', 'hu'] as const;
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];
export type Texts = Readonly<Record<CatalogLanguage, string>>;

const t = (en: string, ru: string, id: string, ms: string, hi: string, hu: string): Texts => ({ en, ru, id, ms, hi, hu });

/** Languages that write a decimal comma ("2,5 мм"). */
export const DECIMAL_COMMA: ReadonlySet<CatalogLanguage> = new Set(['ru', 'id', 'hu']);

export const UNITS = {
  pcs: t('pcs', 'шт', 'pcs', 'unit', 'नग', 'db'),
  set: t('set', 'компл', 'set', 'set', 'सेट', 'készlet'),
  pair: t('pair', 'пара', 'pasang', 'pasang', 'जोड़ी', 'pár'),
  m: t('m', 'м', 'm', 'm', 'मीटर', 'm'),
  l: t('l', 'л', 'liter', 'liter', 'लीटर', 'l'),
  roll: t('roll', 'рулон', 'rol', 'gulung', 'रोल', 'tekercs'),
  box: t('box', 'кор', 'dus', 'kotak', 'डिब्बा', 'doboz'),
  pack: t('pack', 'упак', 'pak', 'pek', 'पैक', 'csomag'),
  bag: t('bag', 'мешок', 'sak', 'beg', 'बैग', 'zsák'),
} as const;
export type UnitKey = keyof typeof UNITS;

/** Measurement symbols; Russian writes them in Cyrillic, the others as SI. */
const si = (symbol: string, ru: string): Texts => t(symbol, ru, symbol, symbol, symbol, symbol);
export const SYMBOLS = {
  V: si('V', 'В'),
  W: si('W', 'Вт'),
  Ah: si('Ah', 'А·ч'),
  Nm: si('Nm', 'Н·м'),
  J: si('J', 'Дж'),
  mm: si('mm', 'мм'),
  m: si('m', 'м'),
  A: si('A', 'А'),
  mA: si('mA', 'мА'),
  lm: si('lm', 'лм'),
  K: si('K', 'К'),
  kg: si('kg', 'кг'),
  l: si('l', 'л'),
  ml: si('ml', 'мл'),
  m2: si('m²', 'м²'),
  mm2: si('mm²', 'мм²'),
  dB: si('dB', 'дБ'),
  m3h: si('m³/h', 'м³/ч'),
  um: si('µm', 'мкм'),
  pcs: UNITS.pcs,
  months: t('months', 'мес.', 'bulan', 'bulan', 'महीने', 'hónap'),
} as const;
export type SymbolKey = keyof typeof SYMBOLS;

export const CHARACTERISTICS = {
  brand: t('Brand', 'Бренд', 'Merek', 'Jenama', 'ब्रांड', 'Márka'),
  warranty: t('Warranty', 'Гарантия', 'Garansi', 'Waranti', 'वारंटी', 'Garancia'),
  voltage: t('Voltage', 'Напряжение', 'Tegangan', 'Voltan', 'वोल्टेज', 'Feszültség'),
  battery: t('Battery capacity', 'Ёмкость аккумулятора', 'Kapasitas baterai', 'Kapasiti bateri', 'बैटरी क्षमता', 'Akkumulátor-kapacitás'),
  torque: t('Torque', 'Крутящий момент', 'Torsi', 'Tork', 'टॉर्क', 'Nyomaték'),
  power: t('Power', 'Мощность', 'Daya', 'Kuasa', 'पावर', 'Teljesítmény'),
  impact: t('Impact energy', 'Энергия удара', 'Energi pukulan', 'Tenaga hentaman', 'इम्पैक्ट एनर्जी', 'Ütőenergia'),
  chuck: t('Chuck', 'Патрон', 'Chuck', 'Cuk', 'चक', 'Tokmány'),
  disc: t('Disc diameter', 'Диаметр диска', 'Diameter piringan', 'Diameter cakera', 'डिस्क व्यास', 'Tárcsaátmérő'),
  depth: t('Cutting depth', 'Глубина пропила', 'Kedalaman potong', 'Kedalaman potongan', 'कटिंग गहराई', 'Vágásmélység'),
  current: t('Current', 'Ток', 'Arus', 'Arus', 'करंट', 'Áramerősség'),
  pieces: t('Pieces', 'Количество предметов', 'Jumlah item', 'Bilangan kepingan', 'पीस की संख्या', 'Darabszám'),
  material: t('Material', 'Материал', 'Bahan', 'Bahan', 'सामग्री', 'Anyag'),
  length: t('Length', 'Длина', 'Panjang', 'Panjang', 'लंबाई', 'Hossz'),
  opening: t('Max. opening', 'Макс. раскрытие', 'Bukaan maks.', 'Bukaan maks.', 'अधिकतम ओपनिंग', 'Max. nyílás'),
  range: t('Measuring range', 'Дальность измерения', 'Jangkauan ukur', 'Julat pengukuran', 'माप सीमा', 'Mérési tartomány'),
  size: t('Size', 'Размер', 'Ukuran', 'Saiz', 'आकार', 'Méret'),
  perPack: t('Quantity per pack', 'Количество в упаковке', 'Isi per kemasan', 'Kuantiti sebungkus', 'प्रति पैक मात्रा', 'Kiszerelés'),
  thread: t('Thread', 'Резьба', 'Ulir', 'Bebenang', 'थ्रेड', 'Menet'),
  strength: t('Strength class', 'Класс прочности', 'Kelas kekuatan', 'Kelas kekuatan', 'स्ट्रेंथ क्लास', 'Szilárdsági osztály'),
  diameter: t('Diameter', 'Диаметр', 'Diameter', 'Diameter', 'व्यास', 'Átmérő'),
  crossSection: t('Cross-section', 'Сечение', 'Penampang', 'Keratan rentas', 'क्रॉस-सेक्शन', 'Keresztmetszet'),
  lumen: t('Light output', 'Световой поток', 'Fluks cahaya', 'Output cahaya', 'लाइट आउटपुट', 'Fényáram'),
  colourTemp: t('Colour temperature', 'Цветовая температура', 'Suhu warna', 'Suhu warna', 'रंग तापमान', 'Színhőmérséklet'),
  base: t('Lamp base', 'Цоколь', 'Fiting', 'Tapak lampu', 'लैंप बेस', 'Foglalat'),
  ip: t('Protection rating', 'Степень защиты', 'Tingkat proteksi', 'Penarafan perlindungan', 'सुरक्षा रेटिंग', 'Védettség'),
  colour: t('Colour', 'Цвет', 'Warna', 'Warna', 'रंग', 'Szín'),
  sockets: t('Sockets', 'Количество розеток', 'Jumlah lubang', 'Bilangan soket', 'सॉकेट की संख्या', 'Aljzatok száma'),
  cableLength: t('Cable length', 'Длина кабеля', 'Panjang kabel', 'Panjang kabel', 'केबल लंबाई', 'Kábelhossz'),
  curve: t('Tripping curve', 'Характеристика срабатывания', 'Kurva trip', 'Lengkung pelantikan', 'ट्रिपिंग कर्व', 'Kioldási jelleggörbe'),
  poles: t('Poles', 'Количество полюсов', 'Jumlah kutub', 'Bilangan kutub', 'पोल', 'Pólusszám'),
  sensitivity: t('Sensitivity', 'Ток утечки', 'Sensitivitas', 'Kepekaan', 'संवेदनशीलता', 'Érzékenység'),
  pressure: t('Nominal pressure', 'Номинальное давление', 'Tekanan nominal', 'Tekanan nominal', 'नाममात्र दबाव', 'Névleges nyomás'),
  head: t('Max. head', 'Макс. напор', 'Head maks.', 'Turus maks.', 'अधिकतम हेड', 'Max. emelőmagasság'),
  flow: t('Max. flow', 'Макс. производительность', 'Debit maks.', 'Aliran maks.', 'अधिकतम प्रवाह', 'Max. szállítóteljesítmény'),
  snr: t('Noise reduction (SNR)', 'Снижение шума (SNR)', 'Peredaman bising (SNR)', 'Pengurangan bunyi (SNR)', 'शोर में कमी (SNR)', 'Zajcsökkentés (SNR)'),
  volume: t('Volume', 'Объём', 'Volume', 'Isi padu', 'आयतन', 'Térfogat'),
  weight: t('Weight', 'Вес', 'Berat', 'Berat', 'वज़न', 'Tömeg'),
  thickness: t('Thickness', 'Толщина', 'Ketebalan', 'Ketebalan', 'मोटाई', 'Vastagság'),
  area: t('Area', 'Площадь', 'Luas', 'Keluasan', 'क्षेत्रफल', 'Terület'),
  width: t('Width', 'Ширина', 'Lebar', 'Lebar', 'चौड़ाई', 'Szélesség'),
  load: t('Load capacity', 'Нагрузка', 'Kapasitas beban', 'Kapasiti beban', 'भार क्षमता', 'Teherbírás'),
  shelves: t('Shelves', 'Количество полок', 'Jumlah rak', 'Bilangan rak', 'शेल्फ की संख्या', 'Polcok száma'),
  height: t('Height', 'Высота', 'Tinggi', 'Tinggi', 'ऊंचाई', 'Magasság'),
  lens: t('Lens', 'Линза', 'Lensa', 'Kanta', 'लेंस', 'Lencse'),
} as const;
export type CharKey = keyof typeof CHARACTERISTICS;

/** Characteristic values that are words. */
export const WORDS = {
  steel: t('Steel', 'Сталь', 'Baja', 'Keluli', 'स्टील', 'Acél'),
  stainless: t('Stainless steel', 'Нержавеющая сталь', 'Baja tahan karat', 'Keluli tahan karat', 'स्टेनलेस स्टील', 'Rozsdamentes acél'),
  crv: t('Chrome vanadium steel', 'Хром-ванадиевая сталь', 'Baja krom vanadium', 'Keluli kromium vanadium', 'क्रोम वैनेडियम स्टील', 'Króm-vanádium acél'),
  zinc: t('Zinc-plated steel', 'Оцинкованная сталь', 'Baja galvanis', 'Keluli bersalut zink', 'ज़िंक-प्लेटेड स्टील', 'Horganyzott acél'),
  brass: t('Brass', 'Латунь', 'Kuningan', 'Loyang', 'पीतल', 'Sárgaréz'),
  ppr: t('Polypropylene', 'Полипропилен', 'Polipropilena', 'Polipropilena', 'पॉलीप्रोपाइलीन', 'Polipropilén'),
  nylon: t('Nylon', 'Нейлон', 'Nilon', 'Nilon', 'नायलॉन', 'Nylon'),
  nitrile: t('Nitrile', 'Нитрил', 'Nitril', 'Nitril', 'नाइट्राइल', 'Nitril'),
  cotton: t('Cotton with latex coating', 'Хлопок с латексным покрытием', 'Katun berlapis lateks', 'Kapas bersalut lateks', 'लेटेक्स कोटिंग वाला सूती', 'Latex bevonatú pamut'),
  leather: t('Leather', 'Кожа', 'Kulit', 'Kulit', 'चमड़ा', 'Bőr'),
  plastic: t('Plastic', 'Пластик', 'Plastik', 'Plastik', 'प्लास्टिक', 'Műanyag'),
  white: t('White', 'Белый', 'Putih', 'Putih', 'सफ़ेद', 'Fehér'),
  black: t('Black', 'Чёрный', 'Hitam', 'Hitam', 'काला', 'Fekete'),
  grey: t('Grey', 'Серый', 'Abu-abu', 'Kelabu', 'ग्रे', 'Szürke'),
  yellow: t('Yellow', 'Жёлтый', 'Kuning', 'Kuning', 'पीला', 'Sárga'),
  orange: t('Orange', 'Оранжевый', 'Oranye', 'Oren', 'नारंगी', 'Narancs'),
  red: t('Red', 'Красный', 'Merah', 'Merah', 'लाल', 'Piros'),
  blue: t('Blue', 'Синий', 'Biru', 'Biru', 'नीला', 'Kék'),
  brown: t('Brown', 'Коричневый', 'Cokelat', 'Coklat', 'भूरा', 'Barna'),
  transparent: t('Transparent', 'Прозрачный', 'Bening', 'Lut sinar', 'पारदर्शी', 'Átlátszó'),
  clear: t('Clear', 'Прозрачная', 'Bening', 'Jernih', 'साफ़', 'Víztiszta'),
  tinted: t('Tinted', 'Тонированная', 'Gelap', 'Berwarna', 'टिंटेड', 'Sötétített'),
} as const;
export type WordKey = keyof typeof WORDS;

/**
 * One characteristic of a product type and the values its variants take: numbers with a unit
 * symbol, dimensions written as text ("3×1.5", decimals localised), words (translated) or codes
 * ("M8", "SDS-plus", "8.8": written the same everywhere).
 */
export type Spec =
  | { char: CharKey; kind: 'number'; symbol: SymbolKey; values: readonly number[] }
  | { char: CharKey; kind: 'dimension'; symbol: SymbolKey; values: readonly string[] }
  | { char: CharKey; kind: 'word'; values: readonly WordKey[] }
  | { char: CharKey; kind: 'code'; values: readonly string[] };

const num = (char: CharKey, symbol: SymbolKey, ...values: number[]): Spec => ({ char, kind: 'number', symbol, values });
const dim = (char: CharKey, symbol: SymbolKey, ...values: string[]): Spec => ({ char, kind: 'dimension', symbol, values });
const word = (char: CharKey, ...values: WordKey[]): Spec => ({ char, kind: 'word', values });
const code = (char: CharKey, ...values: string[]): Spec => ({ char, kind: 'code', values });

export interface ProductType {
  /** The first part of its SKUs ("DRL"). */
  code: string;
  names: Texts;
  unit: UnitKey;
  /** Retail price range in US dollars (scaled to each currency). */
  usd: readonly [number, number];
  /** UK VAT class of the demo company: standard 20 %, reduced 5 % (insulation). */
  vat: 'standard' | 'reduced';
  /** The first one is written in the product's name ("… 18 V"). */
  specs: readonly Spec[];
  /** Months of warranty, for products that come with one. */
  warranty?: number;
}

const type = (
  code: string,
  names: Texts,
  unit: UnitKey,
  usd: readonly [number, number],
  specs: readonly Spec[],
  extra: { vat?: 'reduced'; warranty?: number } = {},
): ProductType => ({ code, names, unit, usd, vat: extra.vat ?? 'standard', specs, ...(extra.warranty ? { warranty: extra.warranty } : {}) });

export interface Brand {
  name: string;
  /** Model prefix in names ("BX-418"), and the middle part of SKUs. */
  model: string;
  /** Price level against the type's range: a premium brand costs more. */
  premium: number;
}

export interface TopGroup {
  name: string;
  /** A sentence of every product's description, per language. */
  sentence: Texts;
  brands: readonly Brand[];
  groups: readonly { name: string; types: readonly ProductType[] }[];
}

const brand = (name: string, model: string, premium: number): Brand => ({ name, model, premium });

export const CATALOG_TREE: readonly TopGroup[] = [
  {
    name: 'Power tools',
    sentence: t(
      'Made for daily work on site: balanced, durable and easy to service.',
      'Рассчитан на ежедневную работу на объекте: надёжный, удобный и ремонтопригодный.',
      'Dirancang untuk pekerjaan harian di lapangan: seimbang, tahan lama, dan mudah dirawat.',
      'Direka untuk kerja harian di tapak: seimbang, tahan lasak dan mudah diselenggara.',
      'साइट पर रोज़ाना काम के लिए बनाया गया: संतुलित, टिकाऊ और सर्विस में आसान।',
      'Napi építkezési munkára tervezve: kiegyensúlyozott, tartós és könnyen szervizelhető.',
    ),
    brands: [brand('Brennmax', 'BX', 1.15), brand('Voltara', 'VT', 1), brand('Kestrel Pro', 'KP', 1.3), brand('Taiga', 'TG', 0.85), brand('Shaktiman', 'SM', 0.8)],
    groups: [
      {
        name: 'Drills and drivers',
        types: [
          type('DRL', t('Cordless drill driver', 'Дрель-шуруповёрт аккумуляторная', 'Bor obeng baterai', 'Gerudi pemutar skru tanpa wayar', 'कॉर्डलेस ड्रिल ड्राइवर', 'Akkus fúró-csavarozó'), 'pcs', [60, 220], [num('voltage', 'V', 12, 18, 20), num('battery', 'Ah', 2, 4, 5), num('torque', 'Nm', 35, 45, 60)], { warranty: 24 }),
          type('HDR', t('Hammer drill', 'Перфоратор', 'Bor beton', 'Gerudi tukul', 'हैमर ड्रिल', 'Fúrókalapács'), 'pcs', [90, 350], [num('power', 'W', 650, 800, 1050), num('impact', 'J', 2.2, 2.8, 4), code('chuck', 'SDS-plus')], { warranty: 24 }),
          type('IMP', t('Impact driver', 'Винтовёрт ударный', 'Obeng impak', 'Pemacu hentaman', 'इम्पैक्ट ड्राइवर', 'Ütvecsavarozó'), 'pcs', [70, 250], [num('voltage', 'V', 12, 18), num('torque', 'Nm', 150, 180, 220)], { warranty: 24 }),
        ],
      },
      {
        name: 'Grinders and saws',
        types: [
          type('AGR', t('Angle grinder', 'Углошлифовальная машина', 'Gerinda tangan', 'Pengisar sudut', 'एंगल ग्राइंडर', 'Sarokcsiszoló'), 'pcs', [40, 180], [num('disc', 'mm', 115, 125, 230), num('power', 'W', 750, 900, 2000)], { warranty: 12 }),
          type('CSW', t('Circular saw', 'Пила дисковая', 'Gergaji sirkular', 'Gergaji bulat', 'सर्कुलर सॉ', 'Körfűrész'), 'pcs', [80, 300], [num('disc', 'mm', 165, 190, 235), num('power', 'W', 1200, 1400, 1800)], { warranty: 24 }),
          type('JSW', t('Jigsaw', 'Лобзик электрический', 'Gergaji ukir listrik', 'Gergaji jig', 'जिग सॉ', 'Dekopírfűrész'), 'pcs', [45, 160], [num('power', 'W', 500, 650, 800), num('depth', 'mm', 65, 85, 120)], { warranty: 12 }),
        ],
      },
      {
        name: 'Batteries and chargers',
        types: [
          type('BAT', t('Battery pack', 'Аккумулятор', 'Baterai', 'Pek bateri', 'बैटरी पैक', 'Akkumulátor'), 'pcs', [30, 120], [num('voltage', 'V', 12, 18), num('battery', 'Ah', 2, 4, 5, 8)], { warranty: 12 }),
          type('CHG', t('Fast charger', 'Зарядное устройство', 'Pengisi daya cepat', 'Pengecas pantas', 'फास्ट चार्जर', 'Gyorstöltő'), 'pcs', [25, 80], [num('voltage', 'V', 12, 18), num('current', 'A', 2, 4, 6)], { warranty: 12 }),
        ],
      },
    ],
  },
  {
    name: 'Hand tools',
    sentence: t(
      'Forged for precision and a firm grip, with a long service life.',
      'Точный инструмент с удобной рукояткой и долгим сроком службы.',
      'Presisi tinggi dengan pegangan yang mantap dan umur pakai panjang.',
      'Kejituan tinggi dengan genggaman kukuh dan hayat penggunaan yang panjang.',
      'सटीक काम और मज़बूत पकड़ के लिए, लंबे समय तक चलने वाला।',
      'Pontos munkához, biztos fogással és hosszú élettartammal.',
    ),
    brands: [brand('Ferrox', 'FX', 1), brand('Hartwell', 'HW', 1.25), brand('Stalmaster', 'ST', 0.9), brand('Kuat', 'KU', 0.8)],
    groups: [
      {
        name: 'Spanners and wrenches',
        types: [
          type('SPN', t('Combination spanner set', 'Набор комбинированных ключей', 'Set kunci ring pas', 'Set sepana kombinasi', 'कॉम्बिनेशन स्पैनर सेट', 'Csillag-villáskulcs készlet'), 'set', [20, 120], [num('pieces', 'pcs', 8, 12, 22), word('material', 'crv')]),
          type('ADJ', t('Adjustable wrench', 'Ключ разводной', 'Kunci inggris', 'Sepana boleh laras', 'एडजस्टेबल रिंच', 'Állítható csavarkulcs'), 'pcs', [8, 40], [num('length', 'mm', 150, 200, 250, 300), num('opening', 'mm', 24, 29, 34), word('material', 'crv', 'steel')]),
          type('PWR', t('Pipe wrench', 'Ключ трубный', 'Kunci pipa', 'Sepana paip', 'पाइप रिंच', 'Csőfogó'), 'pcs', [12, 60], [num('length', 'mm', 250, 350, 450), code('size', '1"', '1 1/2"', '2"')]),
        ],
      },
      {
        name: 'Screwdrivers and bits',
        types: [
          type('SCD', t('Screwdriver set', 'Набор отвёрток', 'Set obeng', 'Set pemutar skru', 'स्क्रूड्राइवर सेट', 'Csavarhúzó készlet'), 'set', [10, 45], [num('pieces', 'pcs', 6, 8, 12), word('material', 'crv')]),
          type('BIT', t('Screwdriver bit set', 'Набор бит', 'Set mata obeng', 'Set mata pemutar skru', 'बिट सेट', 'Bitkészlet'), 'set', [6, 30], [num('pieces', 'pcs', 10, 32, 50), word('material', 'crv', 'steel')]),
        ],
      },
      {
        name: 'Measuring tools',
        types: [
          type('TPM', t('Tape measure', 'Рулетка измерительная', 'Meteran gulung', 'Pita pengukur', 'मेज़रिंग टेप', 'Mérőszalag'), 'pcs', [4, 20], [num('length', 'm', 3, 5, 8, 10), dim('width', 'mm', '19', '25', '27')]),
          type('LVL', t('Spirit level', 'Уровень строительный', 'Waterpass', 'Aras semangat', 'स्पिरिट लेवल', 'Vízmérték'), 'pcs', [8, 45], [num('length', 'mm', 400, 600, 1000, 1200)]),
          type('LDM', t('Laser distance meter', 'Дальномер лазерный', 'Meteran laser', 'Pengukur jarak laser', 'लेज़र डिस्टेंस मीटर', 'Lézeres távolságmérő'), 'pcs', [40, 200], [num('range', 'm', 30, 50, 100)], { warranty: 24 }),
        ],
      },
    ],
  },
  {
    name: 'Fasteners',
    sentence: t(
      'Consistent dimensions to standard, packed for the trade.',
      'Стабильные размеры по стандарту, фасовка для профессионалов.',
      'Dimensi konsisten sesuai standar, dikemas untuk kebutuhan proyek.',
      'Dimensi konsisten mengikut piawaian, dibungkus untuk kegunaan perdagangan.',
      'मानक के अनुसार एकसमान माप, व्यापार के लिए पैक किया गया।',
      'Szabványos, egyenletes méretek, szakmai kiszerelésben.',
    ),
    brands: [brand('Fixtra', 'FXT', 1), brand('Boltex', 'BT', 1.1), brand('Nordfix', 'NF', 1.2), brand('Paku Jaya', 'PJ', 0.85)],
    groups: [
      {
        name: 'Screws',
        types: [
          type('WSC', t('Wood screws', 'Саморезы по дереву', 'Sekrup kayu', 'Skru kayu', 'लकड़ी के स्क्रू', 'Facsavar'), 'box', [3, 15], [dim('size', 'mm', '3.5×25', '4×40', '5×60', '6×80'), num('perPack', 'pcs', 100, 200, 500), word('material', 'zinc', 'steel')]),
          type('STS', t('Self-tapping screws', 'Саморезы по металлу', 'Sekrup baja ringan', 'Skru tap sendiri', 'सेल्फ-टैपिंग स्क्रू', 'Lemezcsavar'), 'box', [3, 14], [dim('size', 'mm', '4.2×13', '4.8×19', '5.5×25'), num('perPack', 'pcs', 100, 250, 500), word('material', 'zinc', 'stainless')]),
        ],
      },
      {
        name: 'Bolts, nuts and washers',
        types: [
          type('HXB', t('Hex bolt', 'Болт с шестигранной головкой', 'Baut segi enam', 'Bolt heksagon', 'हेक्स बोल्ट', 'Hatlapfejű csavar'), 'pack', [4, 25], [code('thread', 'M6', 'M8', 'M10', 'M12'), num('length', 'mm', 30, 50, 80), code('strength', '8.8', '10.9'), num('perPack', 'pcs', 25, 50)]),
          type('HXN', t('Hex nut', 'Гайка шестигранная', 'Mur segi enam', 'Nat heksagon', 'हेक्स नट', 'Hatlapú anya'), 'pack', [2, 10], [code('thread', 'M6', 'M8', 'M10', 'M12'), num('perPack', 'pcs', 50, 100), word('material', 'zinc', 'stainless')]),
          type('WSH', t('Flat washer', 'Шайба плоская', 'Ring plat', 'Sesendal rata', 'फ्लैट वॉशर', 'Alátét'), 'pack', [1, 6], [code('size', 'M6', 'M8', 'M10', 'M12'), num('perPack', 'pcs', 100, 200), word('material', 'zinc', 'stainless')]),
        ],
      },
      {
        name: 'Anchors and wall plugs',
        types: [
          type('PLG', t('Nylon wall plug', 'Дюбель нейлоновый', 'Fisher dinding', 'Palam dinding nilon', 'नायलॉन वॉल प्लग', 'Nylon dübel'), 'pack', [2, 8], [num('diameter', 'mm', 6, 8, 10), num('perPack', 'pcs', 50, 100), word('material', 'nylon')]),
          type('ANC', t('Wedge anchor', 'Анкер клиновой', 'Angkur baji', 'Sauh baji', 'वेज एंकर', 'Betonhorgony'), 'pack', [5, 30], [code('thread', 'M8', 'M10', 'M12'), num('perPack', 'pcs', 10, 25, 50), word('material', 'zinc', 'stainless')]),
        ],
      },
    ],
  },
  {
    name: 'Electrical',
    sentence: t(
      'Certified to current safety standards for professional installations.',
      'Сертифицировано по действующим стандартам безопасности для профессионального монтажа.',
      'Bersertifikat sesuai standar keselamatan terbaru untuk instalasi profesional.',
      'Diperakui mengikut piawaian keselamatan semasa untuk pemasangan profesional.',
      'पेशेवर इंस्टॉलेशन के लिए वर्तमान सुरक्षा मानकों के अनुसार प्रमाणित।',
      'A hatályos biztonsági szabványok szerint tanúsítva, szakszerű szereléshez.',
    ),
    brands: [brand('Lumora', 'LM', 1.1), brand('Elektra Nova', 'EN', 1), brand('Volta Line', 'VL', 0.9), brand('Prakash', 'PK', 0.8)],
    groups: [
      {
        name: 'Cables and wires',
        types: [
          type('CBL', t('Copper installation cable', 'Кабель медный ВВГнг', 'Kabel tembaga NYM', 'Kabel pemasangan tembaga', 'तांबे की इंस्टॉलेशन केबल', 'Réz installációs kábel'), 'm', [0.5, 4], [dim('crossSection', 'mm2', '3×1.5', '3×2.5', '5×4', '5×6')]),
          type('FLX', t('Flexible cord', 'Провод ПВС', 'Kabel serabut NYMHY', 'Kord fleksibel', 'फ्लेक्सिबल तार', 'Sodrott vezeték'), 'm', [0.3, 2], [dim('crossSection', 'mm2', '2×0.75', '3×1', '3×1.5'), word('colour', 'white', 'black')]),
        ],
      },
      {
        name: 'Lighting',
        types: [
          type('LED', t('LED bulb', 'Лампа светодиодная', 'Lampu LED', 'Mentol LED', 'एलईडी बल्ब', 'LED izzó'), 'pcs', [1.5, 8], [num('power', 'W', 7, 10, 15), num('lumen', 'lm', 600, 900, 1500), num('colourTemp', 'K', 3000, 4000, 6500), code('base', 'E27', 'E14')]),
          type('FLD', t('LED floodlight', 'Прожектор светодиодный', 'Lampu sorot LED', 'Lampu limpah LED', 'एलईडी फ्लडलाइट', 'LED reflektor'), 'pcs', [10, 70], [num('power', 'W', 20, 50, 100), code('ip', 'IP65', 'IP66')], { warranty: 24 }),
          type('PNL', t('LED ceiling panel', 'Панель светодиодная потолочная', 'Panel LED plafon', 'Panel siling LED', 'एलईडी सीलिंग पैनल', 'LED mennyezeti panel'), 'pcs', [12, 50], [dim('size', 'mm', '600×600', '300×1200'), num('power', 'W', 36, 40)], { warranty: 24 }),
        ],
      },
      {
        name: 'Switches and sockets',
        types: [
          type('SKT', t('Wall socket', 'Розетка', 'Stop kontak', 'Soket dinding', 'वॉल सॉकेट', 'Fali aljzat'), 'pcs', [2, 12], [num('current', 'A', 10, 16), word('colour', 'white', 'black', 'grey')]),
          type('SWT', t('Light switch', 'Выключатель', 'Saklar lampu', 'Suis lampu', 'लाइट स्विच', 'Villanykapcsoló'), 'pcs', [2, 10], [num('current', 'A', 10, 16), word('colour', 'white', 'black', 'grey')]),
          type('EXT', t('Extension lead', 'Удлинитель', 'Kabel roll', 'Kord sambungan', 'एक्सटेंशन बोर्ड', 'Hosszabbító'), 'pcs', [6, 35], [num('sockets', 'pcs', 3, 4, 6), num('cableLength', 'm', 1.5, 3, 5, 10)]),
        ],
      },
      {
        name: 'Circuit protection',
        types: [
          type('MCB', t('Miniature circuit breaker', 'Автоматический выключатель', 'MCB pemutus arus', 'Pemutus litar kecil', 'मिनिएचर सर्किट ब्रेकर', 'Kismegszakító'), 'pcs', [3, 20], [num('current', 'A', 10, 16, 25, 32), code('curve', 'B', 'C'), code('poles', '1P', '3P')]),
          type('RCD', t('Residual current device', 'Устройство защитного отключения', 'ELCB pengaman arus bocor', 'Peranti arus baki', 'आरसीसीबी', 'Áram-védőkapcsoló'), 'pcs', [15, 60], [num('current', 'A', 25, 40, 63), num('sensitivity', 'mA', 30, 100)]),
        ],
      },
    ],
  },
  {
    name: 'Plumbing',
    sentence: t(
      'Leak-tight connections for hot and cold water systems.',
      'Герметичные соединения для систем горячего и холодного водоснабжения.',
      'Sambungan kedap air untuk sistem air panas dan dingin.',
      'Sambungan kalis bocor untuk sistem air panas dan sejuk.',
      'गर्म और ठंडे पानी की प्रणालियों के लिए लीक-प्रूफ कनेक्शन।',
      'Szivárgásmentes kötések meleg- és hidegvizes rendszerekhez.',
    ),
    brands: [brand('Aquaflow', 'AF', 1), brand('Hydrotek', 'HT', 1.2), brand('Vodar', 'VD', 0.9), brand('Jalmitra', 'JM', 0.8)],
    groups: [
      {
        name: 'Pipes and fittings',
        types: [
          type('PPR', t('PPR pipe', 'Труба полипропиленовая', 'Pipa PPR', 'Paip PPR', 'पीपीआर पाइप', 'PPR cső'), 'm', [0.6, 5], [num('diameter', 'mm', 20, 25, 32, 40), code('pressure', 'PN 10', 'PN 20')]),
          type('ELB', t('Elbow fitting 90°', 'Угольник 90°', 'Keni 90°', 'Siku 90°', 'एल्बो फिटिंग 90°', 'Könyökidom 90°'), 'pcs', [0.3, 3], [num('diameter', 'mm', 20, 25, 32, 40), word('material', 'ppr', 'brass')]),
          type('TEE', t('Equal tee', 'Тройник равнопроходной', 'Sok T', 'Penyambung T', 'टी फिटिंग', 'T-idom'), 'pcs', [0.4, 4], [num('diameter', 'mm', 20, 25, 32, 40), word('material', 'ppr', 'brass')]),
        ],
      },
      {
        name: 'Valves',
        types: [
          type('BVL', t('Ball valve', 'Кран шаровой', 'Stop kran bola', 'Injap bebola', 'बॉल वाल्व', 'Golyóscsap'), 'pcs', [4, 40], [code('size', '1/2"', '3/4"', '1"', '2"'), word('material', 'brass', 'stainless')], { warranty: 12 }),
          type('CVL', t('Check valve', 'Клапан обратный', 'Katup searah', 'Injap sehala', 'चेक वाल्व', 'Visszacsapó szelep'), 'pcs', [4, 30], [code('size', '1/2"', '3/4"', '1"'), word('material', 'brass')]),
        ],
      },
      {
        name: 'Pumps',
        types: [
          type('CPM', t('Circulation pump', 'Насос циркуляционный', 'Pompa sirkulasi', 'Pam edaran', 'सर्कुलेशन पंप', 'Keringető szivattyú'), 'pcs', [60, 300], [num('head', 'm', 4, 6, 8), num('power', 'W', 45, 65, 100)], { warranty: 24 }),
          type('SPM', t('Submersible pump', 'Насос погружной', 'Pompa celup', 'Pam tenggelam', 'सबमर्सिबल पंप', 'Búvárszivattyú'), 'pcs', [50, 400], [num('power', 'W', 400, 750, 1100), num('flow', 'm3h', 7, 12, 18)], { warranty: 24 }),
        ],
      },
    ],
  },
  {
    name: 'Safety and workwear',
    sentence: t(
      'Tested to EN standards; comfortable for a full shift.',
      'Испытано по стандартам EN; удобно в течение всей смены.',
      'Teruji sesuai standar EN; nyaman dipakai sepanjang shift.',
      'Diuji mengikut piawaian EN; selesa dipakai sepanjang syif.',
      'EN मानकों पर परीक्षित; पूरी शिफ्ट के लिए आरामदायक।',
      'EN szabványok szerint bevizsgálva; egész műszakban kényelmes.',
    ),
    brands: [brand('Guardex', 'GX', 1.1), brand('SafeLine', 'SL', 1), brand('Zirah', 'ZR', 0.85), brand('Rakshak', 'RK', 0.8)],
    groups: [
      {
        name: 'Gloves',
        types: [
          type('NGL', t('Nitrile gloves, disposable', 'Перчатки нитриловые одноразовые', 'Sarung tangan nitril sekali pakai', 'Sarung tangan nitril pakai buang', 'डिस्पोज़ेबल नाइट्राइल दस्ताने', 'Nitril kesztyű, eldobható'), 'box', [5, 15], [code('size', 'S', 'M', 'L', 'XL'), num('perPack', 'pcs', 100), word('colour', 'blue', 'black')]),
          type('WGL', t('Work gloves', 'Перчатки рабочие', 'Sarung tangan kerja', 'Sarung tangan kerja', 'वर्क ग्लव्स', 'Munkavédelmi kesztyű'), 'pair', [1, 8], [code('size', '8', '9', '10'), word('material', 'cotton', 'nitrile', 'leather')]),
        ],
      },
      {
        name: 'Head, eye and ear protection',
        types: [
          type('HLM', t('Safety helmet', 'Каска защитная', 'Helm proyek', 'Topi keselamatan', 'सेफ्टी हेलमेट', 'Védősisak'), 'pcs', [5, 30], [word('colour', 'white', 'yellow', 'red', 'blue')]),
          type('GLS', t('Safety glasses', 'Очки защитные', 'Kacamata safety', 'Cermin mata keselamatan', 'सेफ्टी चश्मा', 'Védőszemüveg'), 'pcs', [2, 15], [word('lens', 'clear', 'tinted')]),
          type('EAR', t('Ear defenders', 'Наушники противошумные', 'Pelindung telinga', 'Pelindung telinga', 'ईयर डिफेंडर', 'Fülvédő'), 'pcs', [8, 40], [num('snr', 'dB', 27, 31, 35)]),
        ],
      },
      {
        name: 'Workwear and footwear',
        types: [
          type('VST', t('High-visibility vest', 'Жилет сигнальный', 'Rompi reflektif', 'Jaket keselamatan reflektif', 'हाई-विज़िबिलिटी जैकेट', 'Láthatósági mellény'), 'pcs', [2, 10], [code('size', 'M', 'L', 'XL', 'XXL'), word('colour', 'yellow', 'orange')]),
          type('JKT', t('Work jacket', 'Куртка рабочая', 'Jaket kerja', 'Jaket kerja', 'वर्क जैकेट', 'Munkavédelmi kabát'), 'pcs', [25, 90], [code('size', 'M', 'L', 'XL', 'XXL'), word('colour', 'grey', 'black', 'blue')]),
          type('BTS', t('Safety boots S3', 'Ботинки защитные S3', 'Sepatu safety S3', 'Kasut keselamatan S3', 'सेफ्टी जूते S3', 'Munkavédelmi bakancs S3'), 'pair', [30, 120], [code('size', '40', '41', '42', '43', '44', '45'), word('material', 'leather')], { warranty: 6 }),
        ],
      },
    ],
  },
  {
    name: 'Building materials',
    sentence: t(
      'For professional renovation and new build, indoors and out.',
      'Для профессионального ремонта и нового строительства, внутри и снаружи.',
      'Untuk renovasi profesional dan bangunan baru, di dalam maupun luar ruangan.',
      'Untuk pengubahsuaian profesional dan binaan baharu, di dalam dan luar bangunan.',
      'पेशेवर रेनोवेशन और नए निर्माण के लिए, अंदर और बाहर।',
      'Szakszerű felújításhoz és új építéshez, beltérben és kültéren.',
    ),
    brands: [brand('Bauwerk', 'BW', 1.15), brand('Kraska Pro', 'KR', 1), brand('Termoplus', 'TP', 0.95), brand('Dinding Emas', 'DE', 0.85)],
    groups: [
      {
        name: 'Adhesives and sealants',
        types: [
          type('SIL', t('Silicone sealant', 'Герметик силиконовый', 'Lem silikon', 'Pengedap silikon', 'सिलिकॉन सीलेंट', 'Szilikon tömítő'), 'pcs', [3, 10], [num('volume', 'ml', 280, 310), word('colour', 'transparent', 'white', 'grey')]),
          type('PUF', t('Polyurethane foam', 'Пена монтажная', 'Busa poliuretan', 'Busa poliuretana', 'पॉलीयूरेथेन फोम', 'Purhab'), 'pcs', [4, 12], [num('volume', 'ml', 500, 750, 850)]),
          type('TAD', t('Tile adhesive', 'Клей для плитки', 'Perekat keramik', 'Pelekat jubin', 'टाइल एडहेसिव', 'Csemperagasztó'), 'bag', [6, 20], [num('weight', 'kg', 5, 20, 25), word('colour', 'grey', 'white')]),
        ],
      },
      {
        name: 'Paints and primers',
        types: [
          type('PNT', t('Interior wall paint', 'Краска интерьерная', 'Cat tembok interior', 'Cat dinding dalaman', 'इंटीरियर वॉल पेंट', 'Beltéri falfesték'), 'pcs', [12, 70], [num('volume', 'l', 2.5, 5, 10), word('colour', 'white')]),
          type('PRM', t('Deep-penetrating primer', 'Грунтовка глубокого проникновения', 'Cat dasar', 'Cat asas', 'डीप पेनिट्रेटिंग प्राइमर', 'Mélyalapozó'), 'l', [1.5, 5], [num('volume', 'l', 1, 5, 10)]),
        ],
      },
      {
        name: 'Insulation',
        types: [
          type('MWL', t('Mineral wool insulation roll', 'Утеплитель минеральная вата', 'Glasswool insulasi', 'Penebat bulu mineral', 'मिनरल वूल इंसुलेशन', 'Ásványgyapot szigetelés'), 'roll', [15, 60], [num('thickness', 'mm', 50, 100, 150), num('area', 'm2', 5, 7, 10)], { vat: 'reduced' }),
          type('XPS', t('XPS insulation board', 'Пенополистирол экструдированный', 'Papan insulasi XPS', 'Papan penebat XPS', 'एक्सपीएस इंसुलेशन बोर्ड', 'XPS hőszigetelő lemez'), 'pack', [20, 80], [num('thickness', 'mm', 20, 30, 50), num('area', 'm2', 3, 5)], { vat: 'reduced' }),
        ],
      },
    ],
  },
  {
    name: 'Packaging and warehouse',
    sentence: t(
      'Reliable packing and storage for warehouses and dispatch.',
      'Надёжная упаковка и хранение для складов и отгрузки.',
      'Pengemasan dan penyimpanan andal untuk gudang dan pengiriman.',
      'Pembungkusan dan penyimpanan yang boleh diharap untuk gudang dan penghantaran.',
      'गोदाम और डिस्पैच के लिए भरोसेमंद पैकिंग और भंडारण।',
      'Megbízható csomagolás és tárolás raktárakba és kiszállításhoz.',
    ),
    brands: [brand('Packwell', 'PW', 1), brand('Stretcho', 'SR', 0.95), brand('Rakmaster', 'RM', 1.15), brand('Kotak Kuat', 'KK', 0.85)],
    groups: [
      {
        name: 'Tapes and film',
        types: [
          type('TAP', t('Packing tape', 'Скотч упаковочный', 'Lakban', 'Pita pembungkus', 'पैकिंग टेप', 'Csomagolószalag'), 'roll', [0.8, 4], [num('width', 'mm', 48, 50, 75), num('length', 'm', 66, 100, 150), word('colour', 'transparent', 'brown')]),
          type('STR', t('Stretch film', 'Стрейч-плёнка', 'Plastik wrap stretch', 'Filem regang', 'स्ट्रेच फिल्म', 'Sztreccsfólia'), 'roll', [8, 30], [num('thickness', 'um', 17, 20, 23), num('width', 'mm', 450, 500)]),
        ],
      },
      {
        name: 'Boxes and pallets',
        types: [
          type('BOX', t('Corrugated cardboard box', 'Коробка картонная гофрированная', 'Kardus karton gelombang', 'Kotak kadbod beralun', 'नालीदार गत्ते का डिब्बा', 'Hullámkarton doboz'), 'pack', [8, 30], [dim('size', 'mm', '300×200×200', '400×300×300', '600×400×400'), num('perPack', 'pcs', 10, 20)]),
          type('PLT', t('Euro pallet', 'Поддон деревянный (евро)', 'Palet kayu euro', 'Palet kayu euro', 'यूरो पैलेट', 'EUR raklap'), 'pcs', [8, 20], [num('load', 'kg', 1000, 1500), dim('size', 'mm', '1200×800')]),
        ],
      },
      {
        name: 'Shelving and storage',
        types: [
          type('SHL', t('Metal shelving unit', 'Стеллаж металлический', 'Rak besi', 'Rak logam', 'मेटल शेल्विंग यूनिट', 'Fém polcrendszer'), 'pcs', [40, 250], [num('shelves', 'pcs', 4, 5), num('load', 'kg', 100, 200, 300), num('height', 'mm', 1800, 2000)]),
          type('SBX', t('Plastic storage box', 'Ящик пластиковый', 'Kontainer plastik', 'Kotak simpanan plastik', 'प्लास्टिक स्टोरेज बॉक्स', 'Műanyag tárolódoboz'), 'pcs', [3, 20], [num('volume', 'l', 10, 30, 60), word('colour', 'transparent', 'grey', 'blue')]),
        ],
      },
    ],
  },
];

/** Closing sentences of descriptions, per language. */
export const CLOSINGS: Readonly<Record<CatalogLanguage, readonly string[]>> = {
  en: ["Supplied in the manufacturer's original packaging.", 'Spare parts and service available from our warehouse.', 'A popular choice with our trade customers.'],
  ru: ['Поставляется в оригинальной упаковке производителя.', 'Запчасти и сервис — с нашего склада.', 'Популярный выбор наших оптовых клиентов.'],
  id: ['Dikirim dalam kemasan asli pabrik.', 'Suku cadang dan servis tersedia dari gudang kami.', 'Pilihan favorit pelanggan grosir kami.'],
  ms: ['Dibekalkan dalam pembungkusan asal pengeluar.', 'Alat ganti dan servis tersedia dari gudang kami.', 'Pilihan popular pelanggan perdagangan kami.'],
  hi: ['निर्माता की मूल पैकिंग में आपूर्ति।', 'स्पेयर पार्ट्स और सर्विस हमारे गोदाम से उपलब्ध।', 'हमारे व्यापारिक ग्राहकों की लोकप्रिय पसंद।'],
  hu: ['A gyártó eredeti csomagolásában szállítjuk.', 'Alkatrész és szerviz raktárunkból.', 'Viszonteladó partnereink kedvelt választása.'],
};
