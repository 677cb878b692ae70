import type { DesktopApi } from '../../../core/ipc-contract';
import type { Platform } from './platform';

/** The desktop platform: a thin wrapper over the preload API (window.fieldbook). */
export function createDesktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    saveFile: (request) => api.saveFile(request),
    printToPdf: (request) => api.printToPdf(request),
    openExternal: (url) => api.openExternal(url),
    appInfo: async () => {
      const info = await api.appInfo();
      if (!info.ok) throw new Error(info.error);
      return info.value;
    },
    saveSecret: async (name, value) => {
      const saved = await api.saveSecret(name, value);
      if (!saved.ok) throw new Error(saved.error);
      return saved.value;
    },
    loadSecret: async (name) => {
      const loaded = await api.loadSecret(name);
      return loaded.ok ? loaded.value : null;
    },
    setLanguage: async (language) => {
      const told = await api.setLanguage(language);
      if (!told.ok) console.warn('The desktop menu keeps its language:', told.error);
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
