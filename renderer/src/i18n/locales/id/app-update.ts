/** Indonesian text of the browser build's "a new version is ready" notification (app/app-update.tsx). */
export const idAppUpdate = {
  appUpdate: {
    title: 'Versi baru Fieldbook sudah siap',
    text: 'Muat ulang untuk mulai menggunakannya. Semua yang sudah Anda simpan tetap ada di laptop ini, baik sudah tersinkron maupun belum.',
    reload: 'Muat ulang',
    saveFirst: 'Simpan atau tutup dulu yang sedang Anda ketik: jika dimuat ulang sekarang, ketikan itu akan hilang.',
  },
};
