/**
 * Malay texts of the record-keeping screens: colleagues who left, the trash, deleting and
 * restoring records.
 */
export const msRecords = {
  team: {
    /** A colleague who left the company (their account is disabled), wherever their name shows. */
    left: '{{name}} (telah berhenti)',
    leftHint: 'Telah meninggalkan syarikat: serahkan pelanggannya kepada rakan sekerja lain.',
  },
  trash: {
    title: 'Sampah',
    intro: 'Pelanggan, kenalan, prospek dan sebut harga yang dipadam disimpan di sini, tidak kira siapa yang memadamnya atau pada komputer riba mana. Pulihkan rekod untuk mengembalikannya di semua tempat.',
    empty: 'Sampah kosong.',
    emptyHint: 'Apa yang anda padam akan masuk ke sini, dan anda boleh memulihkannya.',
    count_other: '{{count}} rekod dipadam',
    colWhat: 'Jenis',
    colName: 'Nama',
    colDeletedBy: 'Dipadam oleh',
    colWhen: 'Bila',
    restore: 'Pulihkan',
    restoreNamed: 'Pulihkan {{name}}',
    restored: '{{name}} telah dipulihkan.',
    you: 'Anda',
    company: 'Syarikat',
    unknown: 'Seseorang',
    kind: { clients: 'Pelanggan', contacts: 'Kenalan', leads: 'Prospek', offers: 'Sebut harga' },
    ofClient: 'di {{client}}',
    clientInTrash: 'Pelanggannya berada dalam Sampah: pulihkan pelanggan itu dahulu.',
    offerName: '{{number}} (versi {{version}})',
    lead: { noName: 'Prospek tanpa nama' },
    /** The Delete action and its question, per kind of record. */
    delete: 'Padam',
    deleteNamed: 'Padam {{name}}',
    confirmTitle: {
      clients: 'Padam pelanggan “{{name}}”?',
      contacts: 'Padam kenalan “{{name}}”?',
      leads: 'Padam prospek “{{name}}”?',
      offers: 'Padam sebut harga {{name}}?',
    },
    confirmText: {
      clients: 'Pelanggan ini akan dipindahkan ke Sampah, pada setiap komputer riba selepas penyegerakan seterusnya; kenalan, sebut harga dan aktivitinya turut dipindahkan. Anda boleh memulihkannya daripada Sampah, bersama semua rekod itu. Untuk menyimpan pelanggan yang tidak lagi anda urus, arkibkan sahaja.',
      contacts: 'Kenalan ini akan dipindahkan ke Sampah, pada setiap komputer riba selepas penyegerakan seterusnya. Anda boleh memulihkannya daripada Sampah.',
      leads: 'Prospek ini akan dipindahkan ke Sampah, pada setiap komputer riba selepas penyegerakan seterusnya; tugasan susulannya turut disembunyikan. Anda boleh memulihkannya daripada Sampah.',
      offers: 'Sebut harga ini akan dipindahkan ke Sampah, pada setiap komputer riba selepas penyegerakan seterusnya. Anda boleh memulihkannya daripada Sampah.',
    },
    deleted: '{{name}} telah dipindahkan ke Sampah.',
    openTrash: 'Buka Sampah',
  },
};
