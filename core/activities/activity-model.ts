/**
 * Activities: what a manager did with a client — a call, a meeting, a visit, an email, a note.
 * Recorded by hand or by the app itself (sending an offer records the email), shown on the
 * client card, counted in the daily plan and the reports.
 */
import { z } from 'zod';
import { idSchema } from '../ids';

export const ACTIVITY_KINDS = ['call', 'meeting', 'visit', 'email', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

/** An activity as it syncs (it hangs off its client: whoever may write the client may write it). */
export const activityFieldsSchema = z.object({
  clientId: idSchema,
  /** The person at the client it was with, when there was one. */
  contactId: idSchema.nullable().default(null),
  kind: z.enum(ACTIVITY_KINDS),
  /** When it happened (ISO-8601 UTC). */
  at: z.iso.datetime({ offset: true }),
  subject: text(300).min(1, { message: 'required' }),
  notes: text(5000).default(''),
  /** The offer it was about (sending an offer records an email). */
  offerId: idSchema.nullable().default(null),
  /** Who did it (the company server sets it to whoever pushed the activity). */
  ownerId: z.string().min(1),
});
export type ActivityFields = z.infer<typeof activityFieldsSchema>;

export interface Activity extends ActivityFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}
