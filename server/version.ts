import packageJson from '../package.json' with { type: 'json' };

/** The server's version (the app's, from package.json), reported by /health. */
export const SERVER_VERSION: string = packageJson.version;
