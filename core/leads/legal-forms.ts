/**
 * Legal forms that duplicate matching ignores in company names, so that "ООО «Ромашка»",
 * "Romashka LLC" and "ROMASHKA, OOO" are seen as one company.
 *
 * Forms are written here as people write them; match-keys.ts reduces each one with the same
 * tokeniser it applies to company names, so "S.A.", "S. A." and "SA" are one entry's worth and
 * a Cyrillic form also catches its transliteration ("ООО" catches "OOO"). Variants are listed
 * anyway where they differ in tokens ("Sdn Bhd" / "Sendirian Berhad").
 *
 * Only whole words at the start or end of a name are removed, never inside it, and never part
 * of a word ("Agro", "Bhdanov" and "Cosmos" stay whole).
 */

/** Where a form stands in a name: a prefix ("PT Maju Jaya"), a suffix ("Infosys Ltd") or either. */
export type LegalFormPosition = 'start' | 'end' | 'either';

export interface LegalForm {
  text: string;
  at: LegalFormPosition;
  /**
   * Match only in its own script. Set where the transliteration is a common Latin word or name
   * ("АО" → "ao" as in "A.O. Smith", "ИП" → "ip", "ТОО" → "too", "ПАТ" → "pat"): stripping
   * those from Latin names would merge unrelated companies.
   */
  nativeOnly?: boolean;
}

const end = (...texts: string[]): LegalForm[] => texts.map((text) => ({ text, at: 'end' }));
const start = (...texts: string[]): LegalForm[] => texts.map((text) => ({ text, at: 'start' }));
const either = (...texts: string[]): LegalForm[] => texts.map((text) => ({ text, at: 'either' }));
const nativeEither = (...texts: string[]): LegalForm[] => texts.map((text) => ({ text, at: 'either', nativeOnly: true }));

export const LEGAL_FORMS: readonly LegalForm[] = [
  // English-speaking countries; "Co" and "Company" only at the end, so "Co-op Foods" keeps "co".
  ...end('LLC', 'Ltd', 'Limited', 'Inc', 'Incorporated', 'Corp', 'Corporation', 'Co', 'Company', 'Co Ltd'),
  ...end('PLC', 'LLP', 'LP', 'Pty', 'Pty Ltd', 'Proprietary Limited', 'Pte Ltd', 'Pte'),
  // Germany, Austria, Switzerland.
  ...end('GmbH', 'mbH', 'AG', 'KG', 'OHG', 'UG', 'UG (haftungsbeschränkt)', 'e.K.', 'e.Kfm.', 'e.V.', 'GbR', 'KGaA'),
  ...end('GmbH & Co. KG', 'AG & Co. KG', 'GesmbH', 'Ges.m.b.H.', 'SE'),
  // France, Belgium, Switzerland, Luxembourg. SARL and friends often lead ("SARL Dupont").
  ...end('SA', 'SAS', 'SNC'),
  ...either('SARL', 'Sàrl', 'SASU', 'EURL'),
  // Italy, Spain, Portugal, Latin America.
  ...end('S.p.A.', 'S.r.l.', 'S.r.l.s.', 'S.n.c.', 'S.L.', 'S.L.U.', 'S.A.U.', 'SA de CV', 'S de RL', 'Lda', 'Ltda', 'EIRELI'),
  // Netherlands, Belgium.
  ...either('BV', 'NV', 'VOF'),
  // Nordic and Baltic countries. AB, AS and Oy lead as often as they trail ("AB Volvo").
  ...either('AB', 'AS', 'Oy', 'UAB', 'SIA', 'OÜ'),
  ...end('A/S', 'ApS', 'Oyj', 'ASA', 'HB', 'KB', 'hf', 'ehf'),
  // Poland, Czechia, Slovakia, Hungary, Romania, former Yugoslavia.
  ...end('Sp. z o.o.', 'Spółka z o.o.', 'Spółka z ograniczoną odpowiedzialnością', 'Sp. j.', 'Sp. k.', 'S.K.A.'),
  ...end('s.r.o.', 'spol. s r.o.', 'a.s.', 'k.s.', 'v.o.s.'),
  ...end('Kft', 'Nonprofit Kft', 'Zrt', 'Nyrt', 'Bt', 'Kkt', 'Rt', 'SRL', 'd.o.o.', 'd.d.'),
  // Russia, Ukraine, Belarus, Kazakhstan, Bulgaria. Usually leading ("ООО «Ромашка»"), trailing
  // in sorted lists ("Ромашка, ООО").
  ...either('ООО', 'ОАО', 'ЗАО', 'ПАО', 'НАО', 'ТОВ', 'ПрАТ', 'ЧП', 'ОДО', 'ЧУП', 'ЧТУП', 'СООО', 'ЖШС'),
  ...either('Общество с ограниченной ответственностью', 'Товариство з обмеженою відповідальністю'),
  ...either('ООД', 'ЕООД', 'ЕАД'),
  ...nativeEither('АО', 'ИП', 'ПП', 'АТ', 'ПАТ', 'ТОО', 'УП', 'АҚ', 'АД'),
  // Greece, Israel, Arab countries.
  ...end('Α.Ε.', 'Ε.Π.Ε.', 'Ι.Κ.Ε.', 'ش.م.م', 'ذ.م.م'),
  { text: 'בע״מ', at: 'end', nativeOnly: true },
  // Turkey.
  ...end('A.Ş.', 'Ltd. Şti.', 'Şti.'),
  // Indonesia, Malaysia, Singapore.
  ...start('PT', 'CV', 'UD'),
  ...end('Tbk', 'Persero', 'Sdn Bhd', 'Sdn Berhad', 'Sendirian Berhad', 'Bhd', 'Berhad'),
  // India, in Latin and Devanagari.
  ...end('Pvt Ltd', 'Pvt Limited', 'Private Limited', 'P Ltd', 'OPC'),
  ...end('प्राइवेट लिमिटेड', 'प्रा. लि.', 'लिमिटेड', 'एलएलपी'),
  // Japan, in Latin.
  ...end('K.K.', 'G.K.', 'Y.K.'),
  ...either('Kabushiki Kaisha'),
];

/**
 * Chinese, Japanese and Korean forms, removed as text at either end of the name: these
 * scripts do not separate words, so "华为技术有限公司" is one word to the tokeniser. Longest
 * first, so "股份有限公司" goes whole rather than leaving "股份". Written after NFKC
 * normalisation ("㈱" and "（株）" become "(株)").
 */
export const CJK_LEGAL_FORMS: readonly string[] = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '주식회사',
  '유한회사',
  '(株)',
  '(有)',
  '(주)',
];
