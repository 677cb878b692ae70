/** Russian text of the browser build's "a new version is ready" notification (app/app-update.tsx). */
export const ruAppUpdate = {
  appUpdate: {
    title: 'Готова новая версия Fieldbook',
    text: 'Перезагрузите страницу, чтобы начать работу в ней. Всё сохранённое остаётся на этом ноутбуке — синхронизированное или нет.',
    reload: 'Перезагрузить',
    saveFirst: 'Сначала сохраните или закройте то, что вы вводите: при перезагрузке сейчас эти данные будут потеряны.',
  },
};
