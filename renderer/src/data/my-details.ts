/**
 * The manager's own contact details for documents (printed on their offers). A setting of this
 * laptop, not synced: the company server knows people by name and role only.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { getDb } from './db';
import { cleanTextDeep } from '../../../core/text-safety';

export const myDetailsSchema = z.object({
  position: z.string().trim().max(150, { message: 'too_long' }),
  phone: z.string().trim().max(40, { message: 'too_long' }),
  email: z.union([z.literal(''), z.email({ message: 'email' }).max(254)]),
});
export type MyDetails = z.infer<typeof myDetailsSchema>;

const EMPTY: MyDetails = { position: '', phone: '', email: '' };

export async function saveMyDetails(details: MyDetails, db = getDb()): Promise<void> {
  // Printed on offers: no control characters or broken ones (core/text-safety.ts).
  await db.meta.put({ key: 'myDocumentDetails', value: myDetailsSchema.parse(cleanTextDeep(details).value) });
}

export function useMyDetails(): MyDetails | undefined {
  return useLiveQuery(async () => {
    const parsed = myDetailsSchema.safeParse((await getDb().meta.get('myDocumentDetails'))?.value);
    return parsed.success ? parsed.data : EMPTY;
  }, []);
}
