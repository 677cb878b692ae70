import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { startLanguage } from './i18n/language';
import { shareLanguageWithDesktop } from './i18n/desktop-language';
import { startClientBase, DEFAULT_DEMO_SIZE } from './data/clients/client-base';
import { watchConnectivity } from './sync/sync-controller';
import { servedByCompanyServer } from './sync/server-probe';
import { getPlatform } from './platform';
import { readConnection } from './data/sync/sync-session';
import { startTextGuard } from './app/text-guard';
import { startAppUpdates } from './app/app-update';

initI18n();
// No text field ever holds a NUL or a broken character (pasted, dropped or composed).
startTextGuard();
// The browser build opens offline after its first visit, and says when a new version is ready.
startAppUpdates();

// `?demo=N` starts an empty laptop with a demo base of N clients (any size, e.g. for the
// benchmarks). Otherwise a laptop signed in to a company server, or opened from one, gets its
// client base by sync; only a laptop with no server at all starts with a small offline demo.
async function demoSize(): Promise<number> {
  const demoParam = new URLSearchParams(window.location.search).get('demo');
  if (demoParam !== null && /^\d+$/.test(demoParam)) return Number(demoParam);
  if (await readConnection()) return 0;
  if (getPlatform().kind === 'desktop') return (await getPlatform().appInfo()).serverUrl ? 0 : DEFAULT_DEMO_SIZE;
  return (await servedByCompanyServer()) ? 0 : DEFAULT_DEMO_SIZE;
}
void demoSize().then((size) => startClientBase(size));
watchConnectivity();

// The first screen is drawn in the person's language (`?lang=`, their choice, the system's); the
// desktop's menu and dialogs follow it.
void startLanguage().then(() => {
  shareLanguageWithDesktop(getPlatform());
  createRoot(document.getElementById('root')!).render(<App />);
});
