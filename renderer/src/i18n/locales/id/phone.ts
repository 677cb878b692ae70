/** Indonesian UI text about phone numbers and the market they are read in (core/phone.ts). */
export const idPhone = {
  phone: {
    /** Under a phone field: how the number typed will be stored. */
    savedAs: 'Disimpan sebagai {{number}}',
    /** Under a phone field: the number cannot be read; it is saved anyway. */
    keptAsTyped: 'Periksa nomor ini: nomor ini tidak tampak seperti nomor telepon {{countries}} dan tidak memiliki kode negara. Nomor akan disimpan seperti yang diketik.',
    keptAsTypedNoCountry:
      'Periksa nomor ini: tanpa negara acuan (negara pada data, pada acara, atau pasar Anda di Pengaturan), hanya nomor dengan kode negara, seperti +62 21 5790 1234, yang dapat diperiksa. Nomor akan disimpan seperti yang diketik.',
    /** Beside a stored number that could not be read (the mark says "check this number"). */
    notChecked: 'Disimpan seperti yang diketik: ini bukan nomor telepon yang dapat dibaca Fieldbook. Periksa dan perbaiki.',
  },
  market: {
    title: 'Pasar Anda',
    label: 'Negara tempat Anda berjualan',
    description:
      'Nomor telepon yang diketik tanpa kode negara dibaca sebagai nomor negara ini jika klien, prospek, atau acara yang aktif tidak menyebutkan negara, dan klien baru tanpa negara ditagih dalam mata uang negara ini. Pengaturan khusus laptop ini.',
    none: 'Tanpa pasar',
    fromLanguage: 'Sampai Anda memilih, pasar mengikuti pengaturan bahasa Anda: {{country}}.',
    fromClients: 'Sampai Anda memilih, pasar adalah negara tempat sebagian besar klien Anda berada: {{country}}.',
    noneFromLanguage: 'Pengaturan bahasa Anda tidak menyebutkan negara.',
    saved: 'Pasar diatur ke {{country}}.',
    cleared: 'Tanpa pasar: nomor tanpa kode negara hanya dibaca menurut negara pada data atau acara.',
  },
};
