/**
 * Every device's offer mark (core/offers/offer-number.ts `deviceMark`): the letters between the
 * date and the counter of the offer numbers it makes ("AB-261203-B3"), so that one person's two
 * laptops, both offline on the same day, never give two clients the same number. A person's
 * devices are marked in the order they signed in ("A", "B" … "Z", "AA" …; no I or O), and
 * `users.offer_marks_given` counts the marks given, so a mark is never given twice, whatever
 * happens to the device that had it. Existing devices are marked here, in the order they were
 * made; their laptops learn the mark at their next pull.
 */
export const sql = /* sql */ `
ALTER TABLE users ADD COLUMN offer_marks_given integer NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN offer_mark text CHECK (offer_mark ~ '^[A-HJ-NP-Z]{1,3}$');
WITH ranked AS (
  SELECT id, (row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) - 1)::int AS m FROM devices)
UPDATE devices d SET offer_mark =
  CASE WHEN r.m < 24 THEN ''
       WHEN r.m < 600 THEN substr('ABCDEFGHJKLMNPQRSTUVWXYZ', ((r.m / 24 - 1) % 24) + 1, 1)
       ELSE substr('ABCDEFGHJKLMNPQRSTUVWXYZ', (((r.m / 24 - 1) / 24 - 1) % 24) + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ', ((r.m / 24 - 1) % 24) + 1, 1)
  END || substr('ABCDEFGHJKLMNPQRSTUVWXYZ', (r.m % 24) + 1, 1)
  FROM ranked r WHERE r.id = d.id;
UPDATE users u SET offer_marks_given = (SELECT count(*) FROM devices d WHERE d.user_id = u.id);
ALTER TABLE devices ADD CONSTRAINT devices_user_offer_mark_key UNIQUE (user_id, offer_mark);
`;
