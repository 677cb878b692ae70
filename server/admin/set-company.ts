/**
 * `set-company`: the company's own details for its documents (the letterhead of every offer
 * PDF) — one shared record that every laptop holds. Only the fields given change; the logo is
 * a PNG or JPEG file, kept in the record as a data URL so laptops have it offline.
 */
import { COMPANY_PROFILE_ID, companyProfileFieldsSchema, MAX_LOGO_DATA_URL, type CompanyProfileFields } from '../../core/pricing/catalog-model';
import type { SqlDb } from '../db/sql-db';
import { AdminInputError } from './input-error';
import { loadRecords, writeImported } from './write-imported';

/** Command-line flags of the text fields, and the profile field each sets. */
export const COMPANY_FLAGS = {
  name: 'name',
  'legal-name': 'legalName',
  'tax-id': 'taxId',
  address: 'address',
  phone: 'phone',
  email: 'email',
  website: 'website',
  'bank-details': 'bankDetails',
  'offer-footer': 'offerFooter',
} as const satisfies Record<string, keyof CompanyProfileFields>;

type TextField = (typeof COMPANY_FLAGS)[keyof typeof COMPANY_FLAGS];

const PREFIX = { png: 'data:image/png;base64,', jpeg: 'data:image/jpeg;base64,' } as const;
/** The largest image whose data URL fits the record's limit (base64: 4 characters per 3 bytes). */
export const MAX_LOGO_BYTES = Math.floor(((MAX_LOGO_DATA_URL - PREFIX.jpeg.length) * 3) / 4);

/** A logo file's bytes as a data URL, or the reason they cannot be one. */
export function logoDataUrl(bytes: Uint8Array, path: string): string {
  const png = bytes.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw new AdminInputError([`${path} is not a PNG or JPEG image (the offer's letterhead takes those two).`]);
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new AdminInputError([
      `${path} is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${Math.floor(MAX_LOGO_BYTES / 1024)} KB (it prints small: 600 × 200 pixels is plenty).`,
    ]);
  }
  return `${png ? PREFIX.png : PREFIX.jpeg}${Buffer.from(bytes).toString('base64')}`;
}

/** Checks the given text values against the profile's schema, naming the flag of each bad one. */
export function checkCompanyFields(fields: Partial<Record<TextField, string>>): Partial<CompanyProfileFields> {
  const problems: string[] = [];
  const flagOf = new Map(Object.entries(COMPANY_FLAGS).map(([flag, field]) => [field as string, flag]));
  const out: Partial<CompanyProfileFields> = {};
  for (const [field, value] of Object.entries(fields) as [TextField, string][]) {
    const schema = companyProfileFieldsSchema.shape[field];
    const parsed = schema.safeParse(value);
    const inner = 'unwrap' in schema ? schema.unwrap() : schema;
    if (!parsed.success) problems.push(`--${flagOf.get(field)} ${parsed.error.issues[0]?.message === 'required' ? 'may not be empty' : `is longer than ${inner.maxLength} characters`}.`);
    else out[field] = parsed.data;
  }
  if (problems.length) throw new AdminInputError(problems);
  return out;
}

export interface CompanyResult {
  created: boolean;
  /** The fields whose value changed. */
  changed: string[];
}

export async function setCompany(db: SqlDb, fields: Partial<CompanyProfileFields>, now = Date.now()): Promise<CompanyResult> {
  return db.transaction(async (tx) => {
    const stored = await loadRecords(tx, 'company', [COMPANY_PROFILE_ID]);
    const current = stored.get(`company/${COMPANY_PROFILE_ID}`)?.data;
    if (!current && !fields.name) throw new AdminInputError(['There is no company profile yet: give at least --name the first time.']);
    const changed = Object.keys(fields).filter((k) => current?.[k] !== fields[k as keyof CompanyProfileFields]);
    const written = await writeImported(tx, 'company', [{ id: COMPANY_PROFILE_ID, fields: { ...fields, _deleted: false } }], now, stored);
    return { created: written.created === 1, changed: written.unchanged === 1 ? [] : changed };
  });
}
