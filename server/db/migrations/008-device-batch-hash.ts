/**
 * A device's last applied push is recognised by its content, not only its last number: a resent
 * batch whose answer was lost gets the stored results again, while any other batch at or below
 * that number (an older batch with new content, or one overlapping it) is refused with the
 * number the server expects — it used to be answered "applied" and stored nowhere.
 */
export const sql = /* sql */ `
ALTER TABLE device_sync ADD COLUMN last_batch_hash text;
`;
