/** English text of the browser build's "a new version is ready" notification (app/app-update.tsx). */
export const enAppUpdate = {
  appUpdate: {
    title: 'A new version of Fieldbook is ready',
    text: 'Reload to start using it. Everything you saved stays on this laptop, synced or not.',
    reload: 'Reload',
    saveFirst: 'Save or close what you are typing first: reloading now would lose it.',
  },
};
