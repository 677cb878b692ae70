import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { startClientBase, DEFAULT_DEMO_SIZE } from './data/client-base';
import { watchConnectivity } from './sync/sync-controller';

initI18n();

// `?demo=N` starts an empty laptop with a demo base of N clients (any size, e.g. for the
// benchmarks); otherwise an empty laptop gets a small demo base.
const demoParam = new URLSearchParams(window.location.search).get('demo');
const demoSize = demoParam !== null && /^\d+$/.test(demoParam) ? Number(demoParam) : DEFAULT_DEMO_SIZE;
void startClientBase(demoSize);
watchConnectivity();

createRoot(document.getElementById('root')!).render(<App />);
