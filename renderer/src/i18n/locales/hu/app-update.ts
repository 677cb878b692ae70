/** Hungarian text of the browser build's "a new version is ready" notification (app/app-update.tsx). */
export const huAppUpdate = {
  appUpdate: {
    title: 'Elérhető a Fieldbook új verziója',
    text: 'A használatához töltse újra az oldalt. Minden, amit mentett, ezen a laptopon marad, akár szinkronizálva van, akár nem.',
    reload: 'Újratöltés',
    saveFirst: 'Előbb mentse vagy zárja be, amit éppen gépel: az újratöltéssel elveszne.',
  },
};
