// Benchmark group `capture`: trade-fair lead capture (issue 4) on a client base of 100k clients,
// in headless Chromium with a fake camera that shows a badge's QR code. See docs/benchmarks.md.
//
// One throw-away profile: the demo base is seeded, an event with a choice question is created
// through the UI, and everything is then measured on the capture screen (#/capture) as a person
// at the booth uses it, with the keyboard (and the camera). Every time is taken inside the page
// (performance.now(), event time stamps, requestAnimationFrame), never from Playwright round
// trips. The benchmark relies on the capture screen's labels (en-GB), the matches panel's
// `data-matched-for` and `likely-match` test id, and the database (`fieldbook`, store `leads`).
/* global document, window, indexedDB, requestAnimationFrame, MutationObserver, Element */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { qrVideo } from '../e2e/fixtures/qr-video.mjs';
import { bundle, launchProfile, median, percentile, round, sampleBase, sleep, withCpuProfile } from './lib.mjs';

const SIZE = Number(process.env.BENCH_CAPTURE_CLIENTS ?? 100_000);
const SAVES = Number(process.env.BENCH_CAPTURE_SAVES ?? 40);
const QUERIES = Number(process.env.BENCH_CAPTURE_QUERIES ?? 32);
const SCANS = Number(process.env.BENCH_CAPTURE_SCANS ?? 10);
/** Contacts in the .vcf file imported at once (issue 19: "5 000 contacts in one file import in seconds"). */
const VCF_CONTACTS = Number(process.env.BENCH_CAPTURE_VCF ?? 5000);
/** Time between two keystrokes: a quick typist (as in the clients group). */
const KEY_GAP_MS = 90;
/** Between the keys of typed data in the keyboard-only lead: a fast typist (scanners are under 25 ms). */
const TYPING_DELAY_MS = 60;
/** The naive duplicate check reads the whole base per query: it runs for this many queries. */
const NAIVE_QUERIES = Number(process.env.BENCH_CAPTURE_NAIVE ?? 2);
/** `BENCH_CAPTURE_PROFILE=<prefix>` writes CPU profiles of the page: <prefix>-save.cpuprofile, -suggest, -scan. */
const PROFILE = process.env.BENCH_CAPTURE_PROFILE;

export const goals = {
  capture_save_next_p95_ms: { max: 50 },
  duplicate_suggest_p95_ms_100k: { max: 50 },
  qr_scan_to_form_ms: { max: 1000 },
  vcf_import_5000_ms: { max: 10_000 },
  capture_extra_keystrokes: { max: 8 },
};

/** The badge in front of the camera (the end-to-end test's). */
const BADGE = {
  name: 'Anna Kovács',
  text: [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Kovács;Anna;;;',
    'FN:Anna Kovács',
    'ORG:Példa Kft.',
    'TITLE:Beszerzési vezető',
    'TEL;TYPE=WORK:+36 30 123 4567',
    'EMAIL:anna.kovacs@pelda.hu',
    'ADR;TYPE=WORK:;;Váci út 1;Budapest;;1051;Hungary',
    'END:VCARD',
  ].join('\r\n'),
};

/** The form's identifying fields, by label: the first is the one that gets the focus. */
const FIELDS = ['Name', 'Company name', 'Phone', 'Email'];

// ---------------------------------------------------------------------------------------------
// In-page code (runs in Chromium; keep each function self-contained).

/**
 * Init script (diagnosis): a minimal React DevTools hook, so every React commit is noted
 * (`window.__benchCommits`, performance.now() of each), and the page's long tasks
 * (`window.__benchLongTasks`, [start, duration]). Neither changes what the app does.
 */
function commitProbe() {
  const commits = [];
  const longTasks = [];
  window.__benchCommits = commits;
  window.__benchLongTasks = longTasks;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: () => commits.push(performance.now()),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the breakdown just lacks it
  }
}

/**
 * "Save and next" recorder. t0 is the time stamp of the Ctrl+Enter keydown (window, capture
 * phase: before the app sees it). The form is ready when the name field has the focus and the
 * name, company, phone and email fields are empty; that is checked on `focusin` (the app
 * focuses the field right after resetting the form) and on every animation frame (in case the
 * focus did not move). Then the animation frame that shows it (the current one when seen in a
 * frame callback, else the next) and the task after it: that frame has been produced.
 */
function installSaveRecorder(labels) {
  const input = (label) => {
    const form = document.querySelector('form[aria-label="Capture lead"]');
    const l = form && [...form.querySelectorAll('label')].find((x) => x.textContent.replace(/\s*\*$/, '').trim() === label);
    return l ? document.getElementById(l.htmlFor) : null;
  };
  const rec = { current: null, done: [] };
  window.__benchSave = rec;
  const ready = () => {
    const els = labels.map(input);
    return els[0] !== null && els[0] === document.activeElement && els.every((e) => e && e.value === '');
  };
  const settle = (via) => {
    const cur = rec.current;
    if (!cur || cur.state !== undefined || !ready()) return;
    cur.state = performance.now();
    cur.via = via;
    // Seen in an animation frame callback: this frame shows it. Seen on focusin: the next one.
    const produced = () => {
      cur.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        cur.painted = performance.now();
        cur.mark = performance.getEntriesByName('fieldbook:capture-ready').at(-1)?.startTime ?? NaN;
        rec.done.push(cur);
        rec.current = null;
      };
      channel.port2.postMessage(null);
    };
    if (via === 'frame') produced();
    else requestAnimationFrame(produced);
  };
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) rec.current = { t0: e.timeStamp, seen: performance.now() };
    },
    true,
  );
  document.addEventListener('focusin', () => settle('focus'), true);
  const poll = () => {
    settle('frame');
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * Keystroke-to-suggestions recorder. For each `input` event in an identifying field it notes the
 * key the matches panel will show for the form as it now is (personName, phone, email,
 * companyName, country joined by U+0001, as MatchesPanel builds it) and the time stamp of the
 * keydown that caused it (or the input event, for text typed without a keydown). When the
 * panel's `data-matched-for` shows that key (MutationObserver; the match list is rendered in the
 * same commit) it waits for the next animation frame and the task after it. A keystroke whose
 * search was overtaken by the next one is resolved by the later suggestions (what the person sees).
 */
function installMatchRecorder(labels) {
  const input = (label) => {
    const form = document.querySelector('form[aria-label="Capture lead"]');
    const l = form && [...form.querySelectorAll('label')].find((x) => x.textContent.replace(/\s*\*$/, '').trim() === label);
    return l ? document.getElementById(l.htmlFor) : null;
  };
  const rec = { tag: '', down: null, pending: [], done: [] };
  window.__benchMatch = rec;
  window.addEventListener('keydown', (e) => (rec.down = e.timeStamp), true);
  window.addEventListener(
    'input',
    (e) => {
      const els = labels.map(input);
      if (!els.includes(e.target)) return;
      const [name, company, phone, email] = els.map((el) => el?.value ?? '');
      const now = performance.now();
      rec.pending.push({ tag: rec.tag, key: [name, phone, email, company, ''].join('\u0001'), t0: rec.down ?? now, byKey: rec.down !== null, input: now });
      rec.down = null;
    },
    true,
  );
  new MutationObserver(() => {
    const el = document.querySelector('[data-matched-for]');
    const key = el?.getAttribute('data-matched-for');
    let at = -1;
    for (let i = rec.pending.length - 1; i >= 0; i--) {
      if (rec.pending[i].key === key) {
        at = i;
        break;
      }
    }
    if (at < 0) return;
    const dom = performance.now();
    const batch = rec.pending.splice(0, at + 1);
    const shown = [...el.querySelectorAll('[data-testid="likely-match"]')].map((m) => m.textContent);
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        for (const p of batch) {
          rec.done.push({ tag: p.tag, key: p.key, byKey: p.byKey, superseded: p !== batch[batch.length - 1], dom: dom - p.t0, frame: frame - p.t0, painted: painted - p.t0, shown });
        }
      };
      channel.port2.postMessage(null);
    });
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-matched-for'] });
}

/**
 * Camera-to-form recorder: the click on "Scan code with camera", the camera video's `playing`
 * event (capture phase: media events do not bubble), and the first moment the name field holds
 * the badge's name (on `focusin`, as the app focuses the field after filling it, and on every
 * animation frame), then the frame that shows it and the task after it (as for the saves).
 */
function installScanRecorder({ label, expected }) {
  const input = () => {
    const form = document.querySelector('form[aria-label="Capture lead"]');
    const l = form && [...form.querySelectorAll('label')].find((x) => x.textContent.replace(/\s*\*$/, '').trim() === label);
    return l ? document.getElementById(l.htmlFor) : null;
  };
  const rec = { current: null, done: [] };
  window.__benchScan = rec;
  window.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest('button')?.textContent?.includes('Scan code with camera')) rec.current = { click: e.timeStamp };
    },
    true,
  );
  document.addEventListener(
    'playing',
    (e) => {
      if (rec.current && e.target.matches?.('[data-testid="camera-video"]')) rec.current.playing ??= performance.now();
    },
    true,
  );
  const settle = (inFrame) => {
    const cur = rec.current;
    if (!cur || cur.state !== undefined || input()?.value !== expected) return;
    cur.state = performance.now();
    const produced = () => {
      cur.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        cur.painted = performance.now();
        rec.done.push(cur);
        rec.current = null;
      };
      channel.port2.postMessage(null);
    };
    if (inFrame) produced();
    else requestAnimationFrame(produced);
  };
  document.addEventListener('focusin', () => settle(false), true);
  const poll = () => {
    settle(true);
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** The leads in this browser's IndexedDB (what the app saved, not what it shows). */
async function storedLeads() {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fieldbook');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const req = db.transaction('leads', 'readonly').objectStore('leads').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/**
 * The comparison peer: a naive duplicate check of the typed lead, i.e. per keystroke a full scan
 * of the `clients` store (one getAll(), the fastest way to read a store) and of each client's
 * embedded `contacts` array, with the app's own match rules (core/leads/match-keys.ts, bundled
 * into the page as `window.__naiveMatch`): every client's names and every contact's name, emails
 * and phones are keyed and compared with the typed lead. Returns the time and the matches of
 * each draft.
 */
async function naiveDuplicateCheck(drafts) {
  const { matchKeysOf, compareMatchKeys } = window.__naiveMatch;
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fieldbook');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const ask = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const out = [];
  try {
    for (const draft of drafts) {
      const started = performance.now();
      const typed = matchKeysOf({ personName: draft.personName, companyName: draft.companyName, emails: [draft.email], phones: [draft.phone], defaultCountry: draft.country });
      const clients = await ask(db.transaction('clients', 'readonly').objectStore('clients').getAll());
      const matched = new Set();
      for (const c of clients) {
        for (const name of [c.name, c.legalName].filter(Boolean)) {
          if (compareMatchKeys(typed, matchKeysOf({ companyName: name })).length > 0) matched.add(c.name);
        }
      }
      for (const c of clients) {
        for (const k of c.contacts ?? []) {
          if (k.archivedAt) continue;
          const keys = matchKeysOf({
            personName: k.name,
            companyName: c.name,
            emails: (k.emails ?? []).map((e) => e.address),
            phones: (k.phones ?? []).map((p) => p.number),
            defaultCountry: c.addresses?.[0]?.country ?? '',
          });
          if (compareMatchKeys(typed, keys).length > 0) matched.add(c.name);
        }
      }
      out.push({ ms: performance.now() - started, matched: [...matched] });
    }
    return out;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------

/** A phone as printed on a card: international format ("+36 30 123 4567"). */
const cardPhone = (number) => parsePhoneNumberFromString(number ?? '')?.formatInternational() ?? null;

/** Existing clients' people as they would come to the booth: [{ client, person, company, phone, email }]. */
function visitorsOf(sample) {
  const out = [];
  for (const c of sample.filter((x) => !x.archivedAt)) {
    const k = (c.contacts ?? []).find((x) => !x.archivedAt && x.name && x.emails?.length && x.phones?.length);
    const phone = k && cardPhone(k.phones[0].number);
    if (!k || !phone) continue;
    out.push({ client: c.name, person: k.name, company: c.name, phone, email: k.emails[0].address });
  }
  return out;
}

/** The duplicate-check queries: one identifying field of an existing client typed into an empty form. */
function matchQueries(visitors, size) {
  const kinds = [
    ['company', 'Company name', (v) => v.company],
    ['email', 'Email', (v) => v.email],
    ['phone', 'Phone', (v) => v.phone],
    ['person', 'Name', (v) => v.person],
  ];
  const out = [];
  for (let i = 0; out.length < size && i < visitors.length; i++) {
    const [kind, field, pick] = kinds[i % kinds.length];
    out.push({ kind, field, text: pick(visitors[i]), client: visitors[i].client });
  }
  return out;
}

/** Leads for "save and next": every other one an existing client's person, the rest new visitors. */
function leadsToSave(visitors, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const v = visitors[(i * 7) % visitors.length];
    out.push(
      i % 2 === 0
        ? { person: v.person, company: v.company, phone: v.phone, email: v.email, notes: 'Asked about delivery times' }
        : {
            person: `Jonas Weber ${i}`,
            company: `Weber Antriebstechnik ${i} GmbH`,
            phone: `+49 30 12345${String(i).padStart(2, '0')}`,
            email: `j.weber${i}@weber-antrieb.de`,
            notes: 'Wants a quote for 20 units',
          },
    );
  }
  return out;
}

const FIRST_NAMES = ['Anna', 'Péter', 'Ivan', 'Olga', 'Priya', 'Rahul', 'Budi', 'Siti', 'James', 'Emma', 'Lena', 'Jonas', 'Marek', 'Tomás', 'Dewi', 'Rizal'];
const LAST_NAMES = ['Kovács', 'Nagy', 'Petrov', 'Smirnova', 'Nair', 'Sharma', 'Santoso', 'Aminah', 'Whitmore', 'Fischer', 'Weber', 'Kowalski', 'García', 'Susanto', 'Salleh', 'Szabó'];
const TRADES = ['Fixings', 'Pumps', 'Valves', 'Tooling', 'Fasteners', 'Logistics', 'Steel', 'Hydraulics'];

/**
 * A phone's address book of `n` contacts as one .vcf (vCard 3.0, as Google exports it): every
 * tenth an existing client's person (name, company, phone, email: a likely match or a duplicate
 * to find), the rest new people with everyday names at companies of everyday words, so the
 * duplicate check has real candidates to look at.
 */
function addressBookVcf(visitors, n) {
  const cards = [];
  for (let i = 0; i < n; i++) {
    const v = visitors[i % visitors.length];
    const known = i % 10 === 0 && v;
    const person = known ? v.person : `${FIRST_NAMES[i % 16]} ${LAST_NAMES[(i * 7) % 16]}`;
    const company = known ? v.company : `${LAST_NAMES[(i * 3) % 16]} ${TRADES[i % 8]} ${i}`;
    const phone = known ? v.phone : `+36 30 ${String(1000000 + i).slice(1, 4)} ${String(1000000 + i).slice(4)}`;
    const email = known ? v.email : `contact${i}@${TRADES[i % 8].toLowerCase()}${i}.example.com`;
    cards.push(['BEGIN:VCARD', 'VERSION:3.0', `FN:${person}`, `ORG:${company}`, `TEL;TYPE=CELL:${phone}`, `EMAIL;TYPE=INTERNET:${email}`, 'ADR;TYPE=WORK:;;Fő utca 1;Budapest;;1011;Magyarország', 'END:VCARD'].join('\r\n'));
  }
  return Buffer.from(cards.join('\r\n') + '\r\n');
}

/**
 * In the page: the import's clock. From the click on "Capture all" (capture listener) to the
 * report in the DOM (MutationObserver), then the frame produced after it.
 */
function installImportRecorder() {
  const rec = { click: null, report: null, painted: null };
  window.__benchImport = rec;
  window.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && /^Capture all/.test(e.target.closest('button')?.textContent ?? '')) rec.click = e.timeStamp;
    },
    true,
  );
  new MutationObserver(() => {
    if (rec.click === null || rec.report !== null || !document.querySelector('[data-testid="vcf-import-report"]')) return;
    rec.report = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (rec.painted = performance.now());
      channel.port2.postMessage(null);
    });
  }).observe(document.body, { subtree: true, childList: true });
}

/**
 * The floor of the same work: the leads the import wrote, written again in one IndexedDB
 * transaction with `put` (new ids, no checks, no duplicate search, no sync outbox), then taken
 * out again. No import can write its leads faster than this.
 */
async function leadsWriteFloor(ids) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fieldbook');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  try {
    const wanted = new Set(ids);
    const leads = await new Promise((resolve, reject) => {
      const req = db.transaction('leads', 'readonly').objectStore('leads').getAll();
      req.onsuccess = () => resolve(req.result.filter((l) => wanted.has(l.id)));
      req.onerror = () => reject(req.error);
    });
    const copies = leads.map((l) => ({ ...l, id: crypto.randomUUID() }));
    const started = performance.now();
    const tx = db.transaction('leads', 'readwrite');
    for (const l of copies) tx.objectStore('leads').put(l);
    await done(tx);
    const ms = performance.now() - started;
    const cleanup = db.transaction('leads', 'readwrite');
    for (const l of copies) cleanup.objectStore('leads').delete(l.id);
    await done(cleanup);
    return { ms, leads: copies.length };
  } finally {
    db.close();
  }
}

/** core/leads/match-keys.ts as one IIFE script defining `window.__naiveMatch`. */
const matchRulesScript = (root) => bundle(root, join(root, 'core/leads/match-keys.ts'), '__naiveMatch');

/** Runs `work` under the page's CPU profiler when BENCH_CAPTURE_PROFILE is set (diagnosis only). */
async function profiled(ctx, cdp, name, work) {
  return PROFILE ? withCpuProfile(cdp, `${PROFILE}-${name}.cpuprofile`, work) : work();
}

const stats = (values) => `p50/p95/max ${round(median(values))}/${round(percentile(values, 95))}/${round(Math.max(...values))} ms`;

export async function run(ctx) {
  const videoDir = await mkdtemp(join(tmpdir(), 'fieldbook-bench-qr-'));
  const video = join(videoDir, 'badge-qr.y4m');
  await writeFile(video, qrVideo(BADGE.text).bytes);
  const profile = await launchProfile({
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const { context } = profile;
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const form = page.getByRole('form', { name: 'Capture lead' });
    const field = (label) => form.getByLabel(label, { exact: true });

    // 1. The client base: 100k demo clients, as the clients group seeds them.
    ctx.log(`Seeding ${SIZE} demo clients into an empty profile…`);
    // `catalog=0`: no demo catalog, whose background seeding would compete with what is measured here.
    await page.goto(`${ctx.baseUrl}?demo=${SIZE}&catalog=0#/`);
    const bulk = await page
      .waitForFunction(() => performance.getEntriesByName('fieldbook:bulk-load')[0]?.duration ?? null, null, { timeout: 900_000, polling: 500 })
      .then((h) => h.jsonValue());
    const base = await page.evaluate(sampleBase, 200);
    if (base.clients !== SIZE) throw new Error(`expected ${SIZE} clients in IndexedDB, found ${base.clients}`);
    ctx.log(`IndexedDB holds ${base.clients} clients and ${base.contacts} contacts (seeded in ${round(bulk / 1000, 0)} s).`);
    // A laptop opened at the booth has its list snapshot saved (the app does it 10 s after the load).
    await page.waitForFunction(() => performance.getEntriesByName('fieldbook:snapshot-saved').length > 0, null, { timeout: 180_000, polling: 500 });

    // 2. The event, created through the UI: one choice question. A fresh start of the app.
    await context.addInitScript(commitProbe);
    await page.goto(`${ctx.baseUrl}?demo=${SIZE}&catalog=0&booth=1#/events`);
    await page
      .getByRole('heading', { name: 'Events', level: 2 })
      .waitFor({ timeout: 120_000 })
      .catch(async (e) => {
        const text = await page.evaluate(() => document.body?.innerText.slice(0, 300)).catch((x) => String(x));
        throw new Error(`the events page did not open (page errors: ${errors.join(' | ') || 'none'}; page text: ${JSON.stringify(text)})`, { cause: e });
      });
    await page.getByRole('button', { name: 'New event' }).click();
    const eventField = (label) => page.getByLabel(new RegExp(`^${label}( \\*)?$`)).and(page.locator('input, textarea'));
    await eventField('Name').fill('Hannover Messe');
    await eventField('Starts on').fill('2026-11-23');
    await eventField('Ends on').fill('2026-11-27');
    await page.getByRole('button', { name: 'Add question' }).click();
    const question = page.getByRole('group', { name: 'Question 1', exact: true });
    await question.getByRole('textbox', { name: /^Question 1( \*)?$/ }).fill('Budget');
    const options = question.getByRole('combobox', { name: /^Options( \*)?$/ });
    await options.click();
    for (const o of ['Under 10k', '10–50k', 'Over 50k']) {
      await options.fill(o);
      await options.press('Enter');
    }
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('event-title').filter({ hasText: 'Hannover Messe' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Capture leads here' }).click();
    await page.waitForURL(/#\/capture$/);
    await page.getByRole('heading', { name: 'Capture lead' }).waitFor();
    // The client search's word-prefix lists exist (built in idle slices after start).
    await page.waitForFunction(() => performance.getEntriesByName('fieldbook:index-built').length > 0, null, { timeout: 120_000, polling: 100 });
    await page.evaluate(installSaveRecorder, FIELDS);

    // 3. Keystrokes: one lead with a rating, an answer and a next step, keyboard only (the
    // end-to-end test's sequence). Typed data is not counted; every other key press is.
    const isFocused = (label) => field(label).evaluate((el) => el === document.activeElement);
    if (!(await isFocused('Name'))) throw new Error('the capture form did not open with the focus in Name');
    let extra = 0;
    let typed = 0;
    // Typed at a person's pace: a burst of keys a few milliseconds apart ending in Tab or Enter
    // is what the app takes for a USB barcode scanner (renderer/src/leads/scanner-input.ts).
    const type = async (text) => {
      typed += [...text].length;
      await page.keyboard.type(text, { delay: TYPING_DELAY_MS });
    };
    const press = async (key) => {
      extra++;
      await page.keyboard.press(key);
    };
    await type('Lena Fischer');
    await press('Tab');
    await type('Fischer Armaturen GmbH');
    await press('Tab');
    await type('+49 30 1234567');
    await press('Tab');
    await type('lena@fischer-armaturen.de');
    await press('Alt+1'); // rating: hot
    await press('Alt+Q'); // to the first question…
    await press('O'); // …"Over 50k"
    await press('Alt+C'); // next step: call, on the next working day
    await press('Control+Enter');
    await page.waitForFunction(() => window.__benchSave.done.length === 1, null, { timeout: 10_000 });
    const [first] = await page.evaluate(storedLeads);
    const problems = [
      first?.personName === 'Lena Fischer' || 'not the lead typed',
      first?.rating === 'hot' || 'no rating',
      (Object.keys(first?.answers ?? {}).length === 1 && Object.values(first.answers)[0] === 'Over 50k') || 'not the one answer',
      first?.nextStep === 'call' || 'no next step',
      /^\d{4}-\d{2}-\d{2}$/.test(first?.nextStepOn ?? '') || 'no next-step date',
      typeof first?.eventId === 'string' || 'not tagged with the event',
    ].filter((p) => p !== true);
    const complete = problems.length === 0;
    ctx.log(`Keyboard-only lead: ${typed} keys of typed data, ${extra} other keys; saved as ${JSON.stringify([first?.personName, first?.companyName, first?.phone, first?.email])} with rating ${first?.rating}, answers ${JSON.stringify(first?.answers)}, next step ${first?.nextStep} on ${first?.nextStepOn}, event ${first?.eventId}.`);
    if (complete) ctx.record('capture_extra_keystrokes', extra);
    else ctx.log(`WARNING: the lead was not saved as typed (${problems.join(', ')}); capture_extra_keystrokes not recorded.`);

    // 4. Save and next: Ctrl+Enter on a filled lead → an empty form, focus in Name, painted.
    const sample = base.sample;
    const visitors = visitorsOf(sample);
    const leads = leadsToSave(visitors, SAVES);
    ctx.log(`Saving ${leads.length} leads with Ctrl+Enter (half of them people of existing clients)…`);
    const keyOf = (l) => [l.person, l.phone, l.email, l.company, ''].join('\u0001');
    for (const [i, lead] of leads.entries()) {
      await field('Name').fill(lead.person);
      await field('Company name').fill(lead.company);
      await field('Phone').fill(lead.phone);
      await field('Email').fill(lead.email);
      await page.keyboard.press(i % 3 === 0 ? 'Alt+1' : i % 3 === 1 ? 'Alt+2' : 'Alt+3');
      await page.keyboard.press(i % 2 === 0 ? 'Alt+C' : 'Alt+O');
      await field('Notes').fill(lead.notes);
      // The person glances at the suggestions before saving: the panel has answered.
      await page.waitForFunction((k) => document.querySelector('[data-matched-for]')?.getAttribute('data-matched-for') === k, keyOf(lead), { timeout: 10_000 });
      await sleep(250);
      // Profiled (diagnosis only): just the save, from Ctrl+Enter to the form painted empty.
      await profiled(ctx, cdp, `save-${i}`, async () => {
        await page.keyboard.press('Control+Enter');
        await page.waitForFunction((n) => window.__benchSave.done.length === n, i + 2, { timeout: 10_000 }).catch(async () => {
          throw new Error(`lead ${i + 1} (${lead.person}) was not saved: ${await page.getByTestId('capture-saved').innerText()}`);
        });
      });
      await sleep(300);
    }
    const saves = (await page.evaluate(() => window.__benchSave.done)).slice(1);
    const stored = await page.evaluate(storedLeads);
    const painted = saves.map((s) => s.painted - s.t0);
    ctx.log(
      `${saves.length} saves (${stored.length} leads in IndexedDB): Ctrl+Enter → app's 'fieldbook:capture-ready' mark ${stats(saves.map((s) => s.mark - s.t0))}; ` +
        `→ form empty and focused ${stats(saves.map((s) => s.state - s.t0))} (seen on ${saves.filter((s) => s.via === 'focus').length} focusin, ${saves.filter((s) => s.via === 'frame').length} frame checks); ` +
        `→ next frame ${stats(saves.map((s) => s.frame - s.t0))}; → frame produced ${stats(painted)}. Key event queued ${stats(saves.map((s) => s.seen - s.t0))}.`,
    );
    const diag = await page.evaluate(() => ({ commits: window.__benchCommits, longTasks: window.__benchLongTasks }));
    const within = (s, end) => ({
      commits: diag.commits.filter((t) => t >= s.t0 && t <= end).length,
      longTaskMs: diag.longTasks.filter(([t]) => t >= s.t0 - 50 && t <= end).reduce((n, [, d]) => n + d, 0),
    });
    const perSave = saves.map((s) => within(s, s.painted));
    ctx.log(
      `Per save: React commits p50/max ${median(perSave.map((x) => x.commits))}/${Math.max(...perSave.map((x) => x.commits))} ` +
        `(${median(saves.map((s) => within(s, s.mark).commits))} before the app's mark); long tasks (≥ 50 ms) ${stats(perSave.map((x) => x.longTaskMs))} in all.`,
    );
    if (stored.length !== saves.length + 1) ctx.log(`WARNING: ${saves.length + 1} saves measured but ${stored.length} leads stored.`);
    ctx.record('capture_save_next_p95_ms', round(percentile(painted, 95)));
    ctx.record('capture_save_next_p50_ms', round(median(painted)));
    ctx.record('capture_ready_mark_p95_ms', round(percentile(saves.map((s) => s.mark - s.t0), 95)));

    // 5. Duplicate suggestions while typing an existing client's company, email, phone or name.
    const queries = matchQueries(visitors, QUERIES);
    const keystrokes = queries.reduce((n, q) => n + [...q.text].length, 0);
    ctx.log(`Typing ${queries.length} identifying fields of existing clients (${keystrokes} keystrokes, ${KEY_GAP_MS} ms apart)…`);
    await page.evaluate(installMatchRecorder, FIELDS);
    const empty = ['', '', '', '', ''].join('\u0001');
    const finals = [];
    await profiled(ctx, cdp, 'suggest', async () => {
      for (const [i, q] of queries.entries()) {
        await page.getByRole('button', { name: 'Clear form' }).click();
        await page.waitForFunction((k) => document.querySelector('[data-matched-for]')?.getAttribute('data-matched-for') === k, empty, { timeout: 10_000 });
        await field(q.field).focus();
        await page.evaluate((tag) => (window.__benchMatch.tag = tag), `q${i}`);
        for (const ch of q.text) {
          await page.keyboard.type(ch);
          await sleep(KEY_GAP_MS);
        }
        const key = FIELDS.map((f) => (f === q.field ? q.text : ''));
        const expectedKey = [key[0], key[2], key[3], key[1], ''].join('\u0001');
        await page.waitForFunction((k) => document.querySelector('[data-matched-for]')?.getAttribute('data-matched-for') === k, expectedKey, { timeout: 10_000 });
        await sleep(150);
        finals.push({ ...q, shown: await page.getByTestId('likely-match').allTextContents() });
        await page.evaluate(() => (window.__benchMatch.tag = 'clear'));
      }
    });
    await sleep(300);
    const rec = await page.evaluate(() => window.__benchMatch);
    const typedKeys = rec.done.filter((d) => d.tag.startsWith('q'));
    const suggest = typedKeys.map((d) => d.painted);
    ctx.log(
      `Keystrokes measured: ${typedKeys.length}/${keystrokes} (${typedKeys.filter((d) => !d.byKey).length} without a keydown, timed from their input event; ` +
        `${typedKeys.filter((d) => d.superseded).length} overtaken by the next key). Key → suggestions in the DOM ${stats(typedKeys.map((d) => d.dom))}; ` +
        `→ frame produced ${stats(suggest)}.`,
    );
    const byKind = new Map();
    for (const q of queries.keys()) {
      const kind = queries[q].kind;
      const k = byKind.get(kind) ?? { times: [], queries: 0, found: 0, examples: [] };
      k.times.push(...typedKeys.filter((d) => d.tag === `q${q}`).map((d) => d.painted));
      k.queries++;
      const hit = finals[q].shown.some((s) => s.includes(queries[q].client));
      if (hit) k.found++;
      if (k.examples.length < 2) k.examples.push(`"${queries[q].text}" → ${finals[q].shown.length} shown${hit ? '' : ', the client NOT among them'}`);
      byKind.set(kind, k);
    }
    for (const [kind, k] of byKind) {
      ctx.log(`  ${kind}: ${k.queries} queries, the client suggested for ${k.found}; per key ${stats(k.times)}; e.g. ${k.examples.join('; ')}`);
    }
    const lost = keystrokes - typedKeys.length;
    if (lost > 0) ctx.log(`WARNING: ${lost} keystrokes never showed their suggestions.`);
    ctx.record('duplicate_suggest_p95_ms_100k', round(percentile(suggest, 95)));
    ctx.record('duplicate_suggest_p50_ms_100k', round(median(suggest)));
    ctx.record('duplicate_suggest_found_pct', round((100 * finals.filter((f, i) => f.shown.some((s) => s.includes(queries[i].client))).length) / finals.length, 0));

    // 6. The camera: a badge's QR code → the filled form. Reopened for each read.
    await page.getByRole('button', { name: 'Clear form' }).click();
    await page.evaluate(installScanRecorder, { label: 'Name', expected: BADGE.name });
    ctx.log(`Scanning the badge ${SCANS} times (camera opened each time)…`);
    await profiled(ctx, cdp, 'scan', async () => {
      for (let i = 0; i < SCANS; i++) {
        await page.getByRole('button', { name: 'Scan code with camera' }).click();
        await page.waitForFunction((n) => window.__benchScan.done.length === n, i + 1, { timeout: 20_000 });
        await page.getByTestId('camera-video').waitFor({ state: 'detached', timeout: 10_000 });
        if ((await field('Company name').inputValue()) !== 'Példa Kft.') throw new Error('the scanned badge did not fill the company');
        await page.getByRole('button', { name: 'Clear form' }).click();
        await sleep(700);
      }
    });
    const scans = await page.evaluate(() => window.__benchScan.done);
    const fromPlaying = scans.map((s) => s.painted - s.playing);
    ctx.log(
      `Click → video playing ${stats(scans.map((s) => s.playing - s.click))}; video playing → name filled ${stats(scans.map((s) => s.state - s.playing))}; ` +
        `→ frame produced ${stats(fromPlaying)}; click → frame produced ${stats(scans.map((s) => s.painted - s.click))}.`,
    );
    ctx.record('qr_scan_to_form_ms', round(median(fromPlaying), 0));
    ctx.record('qr_scan_to_form_max_ms', round(Math.max(...fromPlaying), 0));
    ctx.record('qr_click_to_form_ms', round(median(scans.map((s) => s.painted - s.click)), 0));

    // 7. The comparison peer: the naive duplicate check, for the first typed fields (a company, an email).
    const naiveOf = queries.slice(0, NAIVE_QUERIES);
    if (naiveOf.length > 0) {
      ctx.log(`Naive duplicate check (full scan of clients + contacts with the same match rules) for ${naiveOf.length} of the typed fields…`);
      // Evaluated over CDP, so the page's CSP (no inline scripts) does not apply to the harness.
      await page.evaluate(await matchRulesScript(ctx.root));
      const naive = await page.evaluate(
        naiveDuplicateCheck,
        naiveOf.map((q) => ({ personName: q.field === 'Name' ? q.text : '', companyName: q.field === 'Company name' ? q.text : '', phone: q.field === 'Phone' ? q.text : '', email: q.field === 'Email' ? q.text : '', country: '' })),
      );
      naive.forEach((n, i) => ctx.log(`  ${naiveOf[i].kind} "${naiveOf[i].text}": ${round(n.ms, 0)} ms, ${n.matched.length} clients matched${n.matched.includes(naiveOf[i].client) ? '' : ' (not the expected one)'}`));
      const naiveP95 = percentile(
        naive.map((n) => n.ms),
        95,
      );
      ctx.record('duplicate_naive_p95_ms_100k', round(naiveP95, 0));
      ctx.record('duplicate_suggest_naive_ratio_100k', round(naiveP95 / percentile(suggest, 95)));
    }

    // 8. A .vcf of 5 000 contacts captured at once, then the same file again (every contact a duplicate).
    if (VCF_CONTACTS > 0) {
      const vcf = addressBookVcf(visitors, VCF_CONTACTS);
      const count = VCF_CONTACTS.toLocaleString('en-GB');
      const dialog = page.getByTestId('vcf-import');
      const importOnce = async (label) => {
        await page.getByRole('button', { name: 'Clear form' }).click();
        await page.evaluate(installImportRecorder);
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Import .vcf' }).click();
        await (await chooser).setFiles({ name: 'address-book.vcf', mimeType: 'text/vcard', buffer: vcf });
        await profiled(ctx, cdp, label, async () => {
          await dialog.getByRole('button', { name: `Capture all ${count} as leads` }).click();
          await page.waitForFunction(() => window.__benchImport.painted !== null, null, { timeout: 600_000, polling: 100 });
        });
        const rec = await page.evaluate(() => window.__benchImport);
        // The app's own measures of the import's phases (lead-import.ts), summed per phase.
        const phases = await page.evaluate(() => {
          const sums = {};
          for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('fieldbook:import-')) sums[m.name.slice(17)] = (sums[m.name.slice(17)] ?? 0) + m.duration;
          performance.clearMeasures();
          return sums;
        });
        ctx.log(`  ${label}: the app's phases ${Object.entries(phases).map(([k, v]) => `${k} ${round(v, 0)} ms`).join(', ')}`);
        const report = await dialog.getByTestId('vcf-import-report').innerText();
        await dialog.getByRole('button', { name: 'Close' }).click();
        return { ms: rec.painted - rec.click, report: report.replace(/\s+/g, ' ').slice(0, 300) };
      };
      ctx.log(`Importing a .vcf of ${count} contacts (every tenth an existing client's person)…`);
      const before = await page.evaluate(storedLeads);
      const first = await importOnce('vcf-import');
      const after = await page.evaluate(storedLeads);
      const imported = after.filter((l) => !before.some((b) => b.id === l.id)).map((l) => l.id);
      ctx.log(`  first import: ${round(first.ms, 0)} ms, ${imported.length} leads written; report: ${first.report}`);
      const again = await importOnce('vcf-reimport');
      const afterAgain = await page.evaluate(storedLeads);
      ctx.log(`  the same file again: ${round(again.ms, 0)} ms, ${afterAgain.length - after.length} leads written; report: ${again.report}`);
      const floor = await page.evaluate(leadsWriteFloor, imported);
      ctx.log(`  floor: the same ${floor.leads} leads written in one IndexedDB transaction, no checks, no outbox: ${round(floor.ms, 0)} ms`);
      ctx.record('vcf_import_5000_ms', round(first.ms, 0));
      ctx.record('vcf_reimport_5000_ms', round(again.ms, 0));
      ctx.record('vcf_import_floor_ms', round(floor.ms, 0));
      ctx.record('vcf_import_floor_ratio', round(first.ms / floor.ms));
    }

    if (errors.length > 0) ctx.log(`Page errors: ${errors.slice(0, 5).join(' | ')}`);
  } finally {
    await profile.close();
    await rm(videoDir, { recursive: true, force: true });
  }
}
