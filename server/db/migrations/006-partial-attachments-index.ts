/**
 * The download check's index (003) holds only records that reference files. Every record had an
 * entry (an empty list, or none), and keeping them cost a fifth of the time of writing a push's
 * records (200 laptops syncing at once). The check's query repeats the predicate, so that the
 * planner may use the index; the expression's statistics (which a partial index does not
 * gather) let it see that a file is referenced by few records, or it would scan the table.
 */
export const sql = /* sql */ `
DROP INDEX records_attachments;
CREATE INDEX records_attachments ON records USING gin ((data->'attachments') jsonb_path_ops)
  WHERE data->'attachments' <> '[]'::jsonb;
CREATE STATISTICS records_attachments_stats ON (data->'attachments') FROM records;
ANALYZE records;
`;
