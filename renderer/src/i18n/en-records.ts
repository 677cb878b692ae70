/**
 * English texts of the record-keeping screens: colleagues who left, the trash, deleting and
 * restoring records.
 */
export const enRecords = {
  team: {
    /** A colleague who left the company (their account is disabled), wherever their name shows. */
    left: '{{name}} (left)',
    leftHint: 'Has left the company: hand their clients over to a colleague.',
  },
};
