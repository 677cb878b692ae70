/** Hungarian UI text about phone numbers and the market they are read in (core/phone.ts). */
export const huPhone = {
  phone: {
    /** Under a phone field: how the number typed will be stored. */
    savedAs: 'Így lesz mentve: {{number}}',
    /** Under a phone field: the number cannot be read; it is saved anyway. */
    keptAsTyped: 'Ellenőrizze ezt a számot: nem tűnik telefonszámnak (ország: {{countries}}), és nincs országhívószáma. A beírt formában lesz mentve.',
    keptAsTypedNoCountry:
      'Ellenőrizze ezt a számot: nincs ország, amely szerint értelmezni lehetne (sem a rekordon, sem a rendezvényen, sem piacként a Beállításokban), ezért csak országhívószámmal írt szám ellenőrizhető, pl. +36 1 234 5678. A beírt formában lesz mentve.',
    /** Beside a stored number that could not be read (the mark says "check this number"). */
    notChecked: 'A beírt formában maradt: ezt a telefonszámot a Fieldbook nem tudta értelmezni. Ellenőrizze és javítsa.',
  },
  market: {
    title: 'Az Ön piaca',
    label: 'Ország, ahol értékesít',
    description:
      'Az országhívószám nélkül beírt telefonszámokat a Fieldbook ennek az országnak a számaként értelmezi, ha az ügyfél, az érdeklődő vagy az aktív rendezvény nem ad meg országot, és az ország nélküli új ügyfél pénzneme is ennek az országnak a pénzneme lesz. Ennek a laptopnak a beállítása.',
    none: 'Nincs piac',
    fromLanguage: 'Amíg nem választ, a nyelvi beállításait követi: {{country}}',
    fromClients: 'Amíg nem választ, az az ország, ahol a legtöbb ügyfele van: {{country}}',
    noneFromLanguage: 'A nyelvi beállításai nem adnak meg országot.',
    saved: 'Piac beállítva: {{country}}',
    cleared: 'Nincs piac: az országhívószám nélküli számokat a Fieldbook csak a rekord vagy a rendezvény országa alapján értelmezi.',
  },
};
