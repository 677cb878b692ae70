/** Malay UI text about phone numbers and the market they are read in (core/phone.ts). */
export const msPhone = {
  phone: {
    /** Under a phone field: how the number typed will be stored. */
    savedAs: 'Disimpan sebagai {{number}}',
    /** Under a phone field: the number cannot be read; it is saved anyway. */
    keptAsTyped: 'Semak nombor ini: ia tidak kelihatan seperti nombor telefon {{countries}}, dan tiada kod negara. Ia akan disimpan seperti yang ditaip.',
    keptAsTypedNoCountry:
      'Semak nombor ini: tanpa negara untuk membacanya (negara rekod, negara acara atau pasaran anda dalam Tetapan), hanya nombor yang mempunyai kod negara, seperti +60 3-2345 6789, boleh disemak. Ia akan disimpan seperti yang ditaip.',
    /** Beside a stored number that could not be read (the mark says "check this number"). */
    notChecked: 'Disimpan seperti yang ditaip: ini bukan nombor telefon yang dapat dibaca oleh Fieldbook. Semak dan betulkannya.',
  },
  market: {
    title: 'Pasaran anda',
    label: 'Negara tempat anda menjual',
    description:
      'Nombor telefon yang ditaip tanpa kod negara dibaca sebagai nombor negara ini apabila pelanggan, prospek atau acara aktif tidak menyatakan negara, dan pelanggan baharu tanpa negara dibilkan dalam mata wang negara ini. Tetapan ini untuk komputer riba ini sahaja.',
    none: 'Tiada pasaran',
    fromLanguage: 'Selagi anda belum memilih, ia mengikut tetapan bahasa anda: {{country}}.',
    fromClients: 'Selagi anda belum memilih, ia ialah negara kebanyakan pelanggan anda: {{country}}.',
    noneFromLanguage: 'Tetapan bahasa anda tidak menyatakan negara.',
    saved: 'Pasaran ditetapkan: {{country}}.',
    cleared: 'Tiada pasaran: nombor tanpa kod negara hanya dibaca mengikut negara rekod atau acara.',
  },
};
