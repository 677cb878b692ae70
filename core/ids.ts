/**
 * Record and user ids: UUIDs, always in their canonical lower-case form. PostgreSQL prints a
 * uuid in lower case, and the server keys what it loaded by that text; an id that reached it in
 * upper case was taken for a new record and slipped past every check on the existing one (the
 * security review's "upper-case id"). So every id is parsed here, once, wherever it comes from:
 * upper and mixed case are read as the same id, anything that is not a UUID is refused.
 */
import { z } from 'zod';

/** A UUID in any case, as its canonical lower-case text. */
export const idSchema = z.uuid({ message: 'id' }).transform((id) => id.toLowerCase());

/** The canonical form of `value` when it is a UUID in any case, else null. */
export function parseId(value: unknown): string | null {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
