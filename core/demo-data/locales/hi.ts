/**
 * Indian clients, Hindi-speaking: company and person names mostly in Devanagari ("शर्मा
 * ट्रेडर्स"), registered legal names in Latin as the registrar keeps them ("Sharma Traders Pvt
 * Ltd"), +91 numbers, GSTIN.
 */
import { pad, pairs, phones, postcodeRange, slugOf, type DemoCity, type DemoLocale } from '../locale';
import { gstin } from '../tax-ids';

const FIRST_WORDS = pairs([
  ['शर्मा', 'Sharma'], ['गुप्ता', 'Gupta'], ['अग्रवाल', 'Agarwal'], ['सिंह', 'Singh'], ['वर्मा', 'Verma'], ['जैन', 'Jain'],
  ['मित्तल', 'Mittal'], ['बंसल', 'Bansal'], ['श्री गणेश', 'Shri Ganesh'], ['महालक्ष्मी', 'Mahalaxmi'], ['जय अंबे', 'Jai Ambe'],
  ['भारत', 'Bharat'], ['हिंदुस्तान', 'Hindustan'], ['साईं', 'Sai'], ['शिव शक्ति', 'Shiv Shakti'], ['गंगा', 'Ganga'], ['कृष्णा', 'Krishna'],
  ['सूर्या', 'Surya'], ['ओम', 'Om'], ['बालाजी', 'Balaji'], ['नवभारत', 'Navbharat'], ['सरस्वती', 'Saraswati'], ['कावेरी', 'Kaveri'],
]);
const SECOND_WORDS = pairs([
  ['ट्रेडर्स', 'Traders'], ['इंटरप्राइजेज', 'Enterprises'], ['इंडस्ट्रीज', 'Industries'], ['एजेंसीज', 'Agencies'], ['स्टील्स', 'Steels'],
  ['टेक्सटाइल्स', 'Textiles'], ['इंजीनियरिंग वर्क्स', 'Engineering Works'], ['फार्मा', 'Pharma'], ['पॉलिमर्स', 'Polymers'],
  ['ब्रदर्स', 'Brothers'], ['एंड संस', '& Sons'], ['लॉजिस्टिक्स', 'Logistics'], ['इलेक्ट्रिकल्स', 'Electricals'], ['फूड्स', 'Foods'],
  ['ऑटो पार्ट्स', 'Auto Parts'], ['हार्डवेयर', 'Hardware'], ['केमिकल्स', 'Chemicals'], ['पैकेजिंग', 'Packaging'],
]);

const MALE = pairs([['राहुल', 'Rahul'], ['अमित', 'Amit'], ['सुनील', 'Sunil'], ['राजेश', 'Rajesh'], ['विकास', 'Vikas'], ['संजय', 'Sanjay'], ['अनिल', 'Anil'], ['मनोज', 'Manoj'], ['अजय', 'Ajay'], ['विजय', 'Vijay'], ['दीपक', 'Deepak'], ['अरुण', 'Arun'], ['रवि', 'Ravi'], ['सुरेश', 'Suresh'], ['आदित्य', 'Aditya'], ['रोहित', 'Rohit']]);
const FEMALE = pairs([['प्रिया', 'Priya'], ['पूजा', 'Pooja'], ['नेहा', 'Neha'], ['अंजलि', 'Anjali'], ['सुनीता', 'Sunita'], ['कविता', 'Kavita'], ['रेखा', 'Rekha'], ['दीपिका', 'Deepika'], ['स्वाति', 'Swati'], ['मीना', 'Meena'], ['शालिनी', 'Shalini'], ['आरती', 'Aarti']]);
const SURNAMES = pairs([
  ['शर्मा', 'Sharma'], ['गुप्ता', 'Gupta'], ['वर्मा', 'Verma'], ['सिंह', 'Singh'], ['कुमार', 'Kumar'], ['यादव', 'Yadav'], ['जैन', 'Jain'],
  ['अग्रवाल', 'Agarwal'], ['मिश्रा', 'Mishra'], ['पांडे', 'Pandey'], ['चौहान', 'Chauhan'], ['श्रीवास्तव', 'Srivastava'], ['त्रिपाठी', 'Tripathi'],
  ['तिवारी', 'Tiwari'], ['मेहता', 'Mehta'], ['जोशी', 'Joshi'], ['पटेल', 'Patel'], ['कपूर', 'Kapoor'], ['मल्होत्रा', 'Malhotra'], ['चौधरी', 'Chaudhary'],
]);

const city = (name: string, region: string, latinName: string, latinRegion: string, from: number, to: number, gstState: string, ...landlines: string[]): DemoCity => ({
  name,
  region,
  latin: { name: latinName, region: latinRegion },
  postcode: postcodeRange(from, to),
  landlines: phones(10, ...landlines),
  taxRegion: gstState,
});

const CITIES: DemoCity[] = [
  city('नई दिल्ली', 'दिल्ली', 'New Delhi', 'Delhi', 110001, 110096, '07', '1124', '1126', '1141', '1143'),
  city('मुंबई', 'महाराष्ट्र', 'Mumbai', 'Maharashtra', 400001, 400104, '27', '2224', '2226', '2266'),
  city('कोलकाता', 'पश्चिम बंगाल', 'Kolkata', 'West Bengal', 700001, 700156, '19', '3322', '3340'),
  city('चेन्नई', 'तमिलनाडु', 'Chennai', 'Tamil Nadu', 600001, 600119, '33', '4424', '4428'),
  city('बेंगलुरु', 'कर्नाटक', 'Bengaluru', 'Karnataka', 560001, 560103, '29', '8025', '8041'),
  city('हैदराबाद', 'तेलंगाना', 'Hyderabad', 'Telangana', 500001, 500095, '36', '4023', '4027'),
  city('पुणे', 'महाराष्ट्र', 'Pune', 'Maharashtra', 411001, 411062, '27', '2025', '2026'),
  city('अहमदाबाद', 'गुजरात', 'Ahmedabad', 'Gujarat', 380001, 380061, '24', '7926', '7940'),
  city('जयपुर', 'राजस्थान', 'Jaipur', 'Rajasthan', 302001, 302039, '08', '1412', '1414'),
  city('लखनऊ', 'उत्तर प्रदेश', 'Lucknow', 'Uttar Pradesh', 226001, 226031, '09', '5222', '5224'),
];

const STREETS = ['महात्मा गांधी मार्ग', 'नेहरू रोड', 'स्टेशन रोड', 'सिविल लाइंस', 'सदर बाज़ार', 'मॉल रोड', 'गांधी नगर', 'शास्त्री नगर', 'राजेंद्र नगर'];
const STREETS_LATIN = ['M.G. Road', 'Nehru Road', 'Station Road', 'Civil Lines', 'Sadar Bazaar', 'Mall Road', 'Gandhi Nagar', 'Shastri Nagar', 'Rajendra Nagar'];

export const hi: DemoLocale = {
  tag: 'hi-IN',
  language: 'hi',
  country: 'IN',
  callingCode: '91',
  currency: 'INR',
  perUsd: 83,
  cents: true,
  tld: 'in',
  freeMail: ['gmail.com', 'rediffmail.com', 'yahoo.co.in'],
  cities: CITIES,
  mobiles: phones(10, '98100', '98200', '98300', '98400', '98450', '98490', '98765', '99100', '99300', '97310', '70420', '88000', '93100', '96500'),
  company(rng) {
    const parts = [rng.pick(FIRST_WORDS), rng.pick(SECOND_WORDS)];
    const latinName = parts.map((p) => p.latin).join(' ');
    const latin = rng.chance(0.25);
    const r = rng.float();
    const form = r < 0.7 ? 'Pvt Ltd' : r < 0.85 ? 'Private Limited' : r < 0.95 ? 'LLP' : 'Ltd';
    return { name: latin ? latinName : parts.map((p) => p.text).join(' '), legalName: `${latinName} ${form}`, slug: slugOf(rng, parts), latin };
  },
  person(rng, latin) {
    const first = rng.pick(rng.chance(0.55) ? MALE : FEMALE);
    const last = rng.pick(SURNAMES);
    // A Latin-script company's people are mostly written in Latin too, but not always.
    const name = rng.chance(latin ? 0.8 : 0.2) ? `${first.latin} ${last.latin}` : `${first.text} ${last.text}`;
    return { name, first: first.ascii, last: last.ascii };
  },
  street(rng, latin) {
    if (rng.chance(0.2)) return latin ? `Plot No. ${rng.range(1, 240)}, Industrial Area Phase ${rng.pick(['I', 'II', 'III'])}` : `प्लॉट नं. ${rng.range(1, 240)}, औद्योगिक क्षेत्र`;
    const i = rng.int(STREETS.length);
    return `${rng.range(1, 180)}, ${latin ? STREETS_LATIN[i] : STREETS[i]}`;
  },
  taxId: (rng, c, company) => gstin(rng, c.taxRegion, company.legalName.charAt(0), company.legalName.endsWith('LLP') ? 'F' : 'C'),
  // Indian contracts are numbered within the financial year (April to March).
  contractNumber: (rng, year) => `AGR/${year}-${pad((year + 1) % 100, 2)}/${pad(rng.range(1, 999), 4)}`,
  positions: [
    ['प्रबंध निदेशक', 'decision_maker'],
    ['निदेशक', 'decision_maker'],
    ['मालिक', 'decision_maker'],
    ['महाप्रबंधक', 'influencer'],
    ['खरीद प्रबंधक', 'influencer'],
    ['वित्त प्रबंधक', 'influencer'],
    ['तकनीकी प्रमुख', 'influencer'],
    ['बिक्री समन्वयक', 'user'],
    ['गोदाम प्रभारी', 'user'],
    ['सचिव', 'gatekeeper'],
    ['लेखाकार', 'other'],
  ],
  industries: ['थोक व्यापार', 'निर्माण', 'खाद्य प्रसंस्करण', 'विनिर्माण', 'खुदरा', 'लॉजिस्टिक्स', 'कृषि', 'स्वास्थ्य सेवा', 'वस्त्र उद्योग', 'ऑटोमोबाइल', 'ऊर्जा', 'रसायन'],
  tags: ['प्रदर्शनी', 'थोक'],
  contractTerms: ['भुगतान बिल की तारीख से 30 दिनों में।', 'माल गोदाम तक पहुँचाना आपूर्तिकर्ता की ज़िम्मेदारी।', 'हर महीने खाते का मिलान।'],
  notes: ['सुबह 11 बजे के बाद फ़ोन करें।', 'ऑर्डर व्हाट्सऐप पर भेजते हैं।', 'दिवाली से पहले बड़े ऑर्डर आते हैं।'],
};
