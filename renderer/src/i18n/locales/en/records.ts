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
  trash: {
    title: 'Trash',
    intro: 'Deleted clients, contacts, leads and offers wait here, whoever deleted them and on whichever laptop. Restore one to bring it back everywhere.',
    empty: 'The trash is empty.',
    emptyHint: 'What you delete comes here, and you can restore it.',
    count_one: '1 deleted record',
    count_other: '{{count}} deleted records',
    colWhat: 'What',
    colName: 'Name',
    colDeletedBy: 'Deleted by',
    colWhen: 'When',
    restore: 'Restore',
    restoreNamed: 'Restore {{name}}',
    restored: '{{name}} is back.',
    you: 'You',
    company: 'The company',
    unknown: 'Someone',
    kind: { clients: 'Client', contacts: 'Contact', leads: 'Lead', offers: 'Offer' },
    ofClient: 'at {{client}}',
    clientInTrash: 'Its client is in the trash: restore the client first.',
    offerName: '{{number}} (version {{version}})',
    lead: { noName: 'Lead without a name' },
    /** The Delete action and its question, per kind of record. */
    delete: 'Delete',
    deleteNamed: 'Delete {{name}}',
    confirmTitle: {
      clients: 'Delete the client “{{name}}”?',
      contacts: 'Delete the contact “{{name}}”?',
      leads: 'Delete the lead “{{name}}”?',
      offers: 'Delete the offer {{name}}?',
    },
    confirmText: {
      clients: 'The client goes to the trash, on every laptop at the next sync; its contacts, offers and activities go with it. You can restore it from the Trash, with all of them. To keep a client you no longer work with, archive it instead.',
      contacts: 'The contact goes to the trash, on every laptop at the next sync. You can restore it from the Trash.',
      leads: 'The lead goes to the trash, on every laptop at the next sync; its follow-up tasks are hidden with it. You can restore it from the Trash.',
      offers: 'The offer goes to the trash, on every laptop at the next sync. You can restore it from the Trash.',
    },
    deleted: '{{name}} is in the trash.',
    openTrash: 'Open the trash',
  },
};
