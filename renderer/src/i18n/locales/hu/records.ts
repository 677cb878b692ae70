/**
 * Hungarian texts of the record-keeping screens: colleagues who left, the trash, deleting and
 * restoring records.
 */
export const huRecords = {
  team: {
    /** A colleague who left the company (their account is disabled), wherever their name shows. */
    left: '{{name}} (kilépett)',
    leftHint: 'Kilépett a vállalattól: adja át az ügyfeleit egy kollégának.',
  },
  trash: {
    title: 'Lomtár',
    intro: 'A törölt ügyfelek, kapcsolattartók, érdeklődők és ajánlatok itt várnak, bárki törölte is őket, bármelyik laptopon. Visszaállítás után mindenhol visszakerülnek.',
    empty: 'A lomtár üres.',
    emptyHint: 'Amit töröl, ide kerül, és innen visszaállíthatja.',
    count_one: '{{count}} törölt rekord',
    count_other: '{{count}} törölt rekord',
    colWhat: 'Típus',
    colName: 'Név',
    colDeletedBy: 'Törölte',
    colWhen: 'Időpont',
    restore: 'Visszaállítás',
    restoreNamed: '{{name}} visszaállítása',
    restored: '{{name}} visszaállítva.',
    you: 'Ön',
    company: 'A vállalat',
    unknown: 'Valaki',
    kind: { clients: 'Ügyfél', contacts: 'Kapcsolattartó', leads: 'Érdeklődő', offers: 'Ajánlat' },
    ofClient: 'Ügyfél: {{client}}',
    clientInTrash: 'A hozzá tartozó ügyfél a lomtárban van: előbb az ügyfelet állítsa vissza.',
    offerName: '{{number}} ({{version}}. verzió)',
    lead: { noName: 'Név nélküli érdeklődő' },
    /** The Delete action and its question, per kind of record. */
    delete: 'Törlés',
    deleteNamed: '{{name}} törlése',
    confirmTitle: {
      clients: 'Törli ezt az ügyfelet: „{{name}}”?',
      contacts: 'Törli ezt a kapcsolattartót: „{{name}}”?',
      leads: 'Törli ezt az érdeklődőt: „{{name}}”?',
      offers: 'Törli ezt az ajánlatot: {{name}}?',
    },
    confirmText: {
      clients: 'Az ügyfél a lomtárba kerül, a következő szinkronizáláskor minden laptopon; vele együtt a kapcsolattartói, ajánlatai és tevékenységei is. A Lomtárból mindegyikükkel együtt visszaállítható. Ha egy ügyfelet, akivel már nem dolgozik, meg szeretne őrizni, inkább archiválja.',
      contacts: 'A kapcsolattartó a lomtárba kerül, a következő szinkronizáláskor minden laptopon. A Lomtárból visszaállítható.',
      leads: 'Az érdeklődő a lomtárba kerül, a következő szinkronizáláskor minden laptopon; a hozzá tartozó követő feladatok is rejtve lesznek. A Lomtárból visszaállítható.',
      offers: 'Az ajánlat a lomtárba kerül, a következő szinkronizáláskor minden laptopon. A Lomtárból visszaállítható.',
    },
    deleted: '{{name}} a lomtárba került.',
    openTrash: 'Lomtár megnyitása',
  },
};
