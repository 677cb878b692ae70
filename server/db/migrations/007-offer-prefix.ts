/**
 * Every user's offer prefix (core/offers/offer-number.ts): what their offer numbers start with,
 * unique in the company so that two people with the same initials never give two clients the
 * same number. Existing users get their initials, a second and third user with the same
 * initials (by creation) "AB2", "AB3". A prefix is kept when the name changes or the user is
 * disabled: their numbers stay theirs.
 */
export const sql = /* sql */ `
ALTER TABLE users ADD COLUMN offer_prefix text;
WITH initials AS (
  SELECT id, created_at, coalesce(nullif(upper(array_to_string(ARRAY(
           SELECT substring(w FROM '[[:alpha:]]') FROM regexp_split_to_table(display_name, '\\s+') WITH ORDINALITY AS words(w, n)
            WHERE substring(w FROM '[[:alpha:]]') IS NOT NULL ORDER BY n LIMIT 2), '')), ''), 'OF') AS initials
    FROM users),
ranked AS (
  SELECT id, initials, row_number() OVER (PARTITION BY initials ORDER BY created_at, id) AS k FROM initials)
UPDATE users SET offer_prefix = CASE WHEN ranked.k = 1 THEN ranked.initials ELSE ranked.initials || ranked.k END
  FROM ranked WHERE ranked.id = users.id;
ALTER TABLE users ALTER COLUMN offer_prefix SET NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_offer_prefix_key UNIQUE (offer_prefix);
`;
