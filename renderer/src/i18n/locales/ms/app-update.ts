/** Malay text of the browser build's "a new version is ready" notification (app/app-update.tsx). */
export const msAppUpdate = {
  appUpdate: {
    title: 'Versi baharu Fieldbook sudah sedia',
    text: 'Muat semula untuk mula menggunakannya. Semua yang anda simpan kekal dalam komputer riba ini, sama ada sudah disegerakkan atau belum.',
    reload: 'Muat semula',
    saveFirst: 'Simpan atau tutup apa yang sedang anda taip dahulu: jika dimuat semula sekarang, teks itu akan hilang.',
  },
};
