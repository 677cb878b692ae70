/**
 * The Debian packages the tests need beyond Node and npm, and how to tell each is there: the one
 * list that `npm test` (scripts/test-all.mjs) and CI (.ci/run) both check through preflight.mjs.
 * `present` gets the environment and two probes: `command` (a program on the PATH) and `file`
 * (a path, `*` matching one folder name as in a shell).
 */
export const SYSTEM_PACKAGES = [
  {
    name: 'chromium',
    neededFor: 'the end-to-end tests’ browser (CHROMIUM_PATH names another)',
    present: (env, has) => has.file(env.CHROMIUM_PATH || '/usr/bin/chromium'),
  },
  { name: 'xvfb', neededFor: 'a display for the Electron tests (xvfb-run)', present: (_env, has) => has.command('xvfb-run') },
  { name: 'xauth', neededFor: 'xvfb-run', present: (_env, has) => has.command('xauth') },
  { name: 'poppler-utils', neededFor: 'reading the printed offer back in its tests (pdftotext, pdftoppm)', present: (_env, has) => has.command('pdftotext') && has.command('pdftoppm') },
  {
    name: 'postgresql',
    neededFor: 'the integration tests’ real PostgreSQL server (PG_BIN names another)',
    present: (env, has) => (env.PG_BIN ? has.file(`${env.PG_BIN}/initdb`) : has.file('/usr/lib/postgresql/*/bin/initdb') || has.command('initdb')),
  },
  {
    name: 'fonts-noto-core',
    neededFor: 'Latin, Cyrillic and Devanagari in the printed offer',
    present: (_env, has) => has.file('/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf'),
  },
];
