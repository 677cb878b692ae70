/**
 * Indonesian texts of the record-keeping screens: colleagues who left, the trash, deleting and
 * restoring records.
 */
export const idRecords = {
  team: {
    /** A colleague who left the company (their account is disabled), wherever their name shows. */
    left: '{{name}} (sudah keluar)',
    leftHint: 'Sudah keluar dari perusahaan: alihkan kliennya ke rekan kerja lain.',
  },
  trash: {
    title: 'Tempat sampah',
    intro: 'Klien, kontak, prospek, dan penawaran yang dihapus disimpan di sini, siapa pun yang menghapusnya dan di laptop mana pun. Pulihkan untuk mengembalikannya di semua laptop.',
    empty: 'Tempat sampah kosong.',
    emptyHint: 'Yang Anda hapus masuk ke sini, dan Anda dapat memulihkannya.',
    count_other: '{{count}} data terhapus',
    colWhat: 'Jenis',
    colName: 'Nama',
    colDeletedBy: 'Dihapus oleh',
    colWhen: 'Waktu',
    restore: 'Pulihkan',
    restoreNamed: 'Pulihkan {{name}}',
    restored: '{{name}} telah dipulihkan.',
    you: 'Anda',
    company: 'Perusahaan',
    unknown: 'Seseorang',
    kind: { clients: 'Klien', contacts: 'Kontak', leads: 'Prospek', offers: 'Penawaran' },
    ofClient: 'di {{client}}',
    clientInTrash: 'Kliennya ada di tempat sampah: pulihkan klien terlebih dahulu.',
    offerName: '{{number}} (versi {{version}})',
    lead: { noName: 'Prospek tanpa nama' },
    /** The Delete action and its question, per kind of record. */
    delete: 'Hapus',
    deleteNamed: 'Hapus {{name}}',
    confirmTitle: {
      clients: 'Hapus klien “{{name}}”?',
      contacts: 'Hapus kontak “{{name}}”?',
      leads: 'Hapus prospek “{{name}}”?',
      offers: 'Hapus penawaran {{name}}?',
    },
    confirmText: {
      clients: 'Klien dipindahkan ke tempat sampah, di semua laptop pada sinkronisasi berikutnya; kontak, penawaran, dan aktivitasnya ikut dipindahkan. Anda dapat memulihkannya dari Tempat sampah, beserta semuanya. Untuk menyimpan klien yang tidak lagi Anda tangani, arsipkan saja.',
      contacts: 'Kontak dipindahkan ke tempat sampah, di semua laptop pada sinkronisasi berikutnya. Anda dapat memulihkannya dari Tempat sampah.',
      leads: 'Prospek dipindahkan ke tempat sampah, di semua laptop pada sinkronisasi berikutnya; tugas tindak lanjutnya ikut disembunyikan. Anda dapat memulihkannya dari Tempat sampah.',
      offers: 'Penawaran dipindahkan ke tempat sampah, di semua laptop pada sinkronisasi berikutnya. Anda dapat memulihkannya dari Tempat sampah.',
    },
    deleted: '{{name}} dipindahkan ke tempat sampah.',
    openTrash: 'Buka tempat sampah',
  },
};
