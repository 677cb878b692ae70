import { describe, expect, it, vi } from 'vitest';
import { APP_LANGUAGES, IPC_CHANNELS, MAX_SAVE_BYTES } from '../../core/ipc-contract';
import { ok } from '../../core/result';
import { dispatchIpc, parseIpcRequest } from './ipc-dispatch';

const appFrame = { url: 'app://fieldbook/index.html', isMainFrame: true };

describe('parseIpcRequest', () => {
  it('accepts well-formed requests', () => {
    expect(parseIpcRequest(IPC_CHANNELS.saveFile, { suggestedName: 'clients.csv', data: 'a,b' }).ok).toBe(true);
    expect(
      parseIpcRequest(IPC_CHANNELS.saveFile, {
        suggestedName: 'offer.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        data: new Uint8Array([37, 80, 68, 70]),
      }).ok,
    ).toBe(true);
    expect(parseIpcRequest(IPC_CHANNELS.printToPdf, { suggestedName: 'Offer 2024-001' }).ok).toBe(true);
    expect(parseIpcRequest(IPC_CHANNELS.openExternal, { url: 'mailto:anna@example.com' }).ok).toBe(true);
    expect(parseIpcRequest(IPC_CHANNELS.appInfo, undefined).ok).toBe(true);
    expect(parseIpcRequest(IPC_CHANNELS.saveSecret, { name: 'device-token', value: 'fb_token' }).ok).toBe(true);
    expect(parseIpcRequest(IPC_CHANNELS.saveSecret, { name: 'device-token', value: null }).ok).toBe(true);
    expect(parseIpcRequest(IPC_CHANNELS.loadSecret, { name: 'device-token' }).ok).toBe(true);
  });

  it.each(APP_LANGUAGES.map((language) => [language]))('takes the UI language %s', (language) => {
    expect(parseIpcRequest(IPC_CHANNELS.setLanguage, { language })).toEqual({ ok: true, value: { language } });
  });

  it.each([
    ['file:save', 'no payload', undefined, 'request'],
    ['file:save', 'a string payload', 'clients.csv', 'request'],
    ['file:save', 'a number as name', { suggestedName: 42, data: 'x' }, 'suggestedName'],
    ['file:save', 'an empty name', { suggestedName: '  ', data: 'x' }, 'suggestedName: must not be empty'],
    ['file:save', 'a path as name', { suggestedName: '../../.bashrc', data: 'x' }, 'suggestedName'],
    ['file:save', 'an absolute path as name', { suggestedName: '/etc/cron.d/x', data: 'x' }, 'suggestedName'],
    ['file:save', 'a Windows path as name', { suggestedName: 'C:\\Windows\\x.dll', data: 'x' }, 'suggestedName'],
    ['file:save', 'a NUL byte in the name', { suggestedName: 'a\u0000.txt', data: 'x' }, 'suggestedName'],
    ['file:save', 'a dot-dot name', { suggestedName: '..', data: 'x' }, 'suggestedName'],
    ['file:save', 'an object as data', { suggestedName: 'a.txt', data: { length: 3 } }, 'data'],
    ['file:save', 'an array as data', { suggestedName: 'a.txt', data: [1, 2, 3] }, 'data'],
    ['file:save', 'missing data', { suggestedName: 'a.txt' }, 'data'],
    ['file:save', 'oversized data', { suggestedName: 'a.txt', data: 'x'.repeat(MAX_SAVE_BYTES + 1) }, 'data'],
    ['file:save', 'an unknown field', { suggestedName: 'a.txt', data: 'x', path: '/etc/passwd' }, 'path'],
    ['file:save', 'a filter extension with a dot', { suggestedName: 'a.txt', data: 'x', filters: [{ name: 'T', extensions: ['.txt'] }] }, 'filters'],
    ['file:save', 'a filter that is a string', { suggestedName: 'a.txt', data: 'x', filters: 'txt' }, 'filters'],
    ['pdf:print', 'null', null, 'request'],
    ['pdf:print', 'no name', {}, 'suggestedName'],
    ['pdf:print', 'a path as name', { suggestedName: 'x/../../y.pdf' }, 'suggestedName'],
    ['link:open', 'a bare string', 'https://example.com', 'request'],
    ['link:open', 'javascript:', { url: 'javascript:alert(1)' }, 'url: must be an http(s), mailto or tel link'],
    ['link:open', 'file:', { url: 'file:///etc/passwd' }, 'url'],
    ['link:open', 'a number', { url: 1 }, 'url'],
    ['link:open', 'credentials in the URL', { url: 'https://a:b@example.com' }, 'url'],
    ['app:info', 'an argument', { anything: true }, 'takes no arguments'],
    ['secret:save', 'an unknown secret', { name: 'ssh-key', value: 'x' }, 'name'],
    ['secret:save', 'a path as name', { name: '../../.bashrc', value: 'x' }, 'name'],
    ['secret:save', 'a number as value', { name: 'device-token', value: 42 }, 'value'],
    ['secret:save', 'an empty value', { name: 'device-token', value: '' }, 'value'],
    ['secret:save', 'an oversized value', { name: 'device-token', value: 'x'.repeat(5000) }, 'value'],
    ['secret:save', 'no value at all', { name: 'device-token' }, 'value'],
    ['secret:load', 'an unknown secret', { name: 'passwords' }, 'name'],
    ['secret:load', 'an unknown field', { name: 'device-token', path: '/etc/shadow' }, 'path'],
    ['language:set', 'no payload', undefined, 'request'],
    ['language:set', 'a bare code', 'ru', 'request'],
    ['language:set', 'a language the UI does not speak', { language: 'de' }, 'language'],
    ['language:set', 'the pseudo-locale', { language: 'pseudo' }, 'language'],
    ['language:set', 'a region tag', { language: 'ru-RU' }, 'language'],
    ['language:set', 'an upper-case code', { language: 'RU' }, 'language'],
    ['language:set', 'a number', { language: 7 }, 'language'],
    ['language:set', 'an unknown field', { language: 'ru', file: '/etc/passwd' }, 'file'],
  ] as const)('%s rejects %s', (channel, _label, payload, expected) => {
    const result = parseIpcRequest(channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(`Invalid ${channel} request:`);
      expect(result.error).toContain(expected);
    }
  });
});

describe('dispatchIpc', () => {
  it('runs the action with the validated request', async () => {
    const action = vi.fn(async () => ok({ saved: true, path: '/home/anna/a.txt' }));
    const result = await dispatchIpc(
      IPC_CHANNELS.saveFile,
      action,
      { frame: appFrame, payload: { suggestedName: ' a.txt ', data: 'x' }, context: 'ctx' },
      {},
    );
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/home/anna/a.txt' } });
    // The schema's transforms (trim) apply: actions see the parsed value, not the raw payload.
    expect(action).toHaveBeenCalledWith({ suggestedName: 'a.txt', data: 'x' }, 'ctx');
  });

  it.each([
    ['no frame', null],
    ['another origin', { url: 'https://evil.example/', isMainFrame: true }],
    ['an embedded frame', { url: 'app://fieldbook/index.html', isMainFrame: false }],
  ])('refuses a sender that is %s without running the action', async (_label, frame) => {
    const action = vi.fn(async () => ok({ version: '1', dataFolder: null, serverUrl: null, computerName: null }));
    const result = await dispatchIpc(IPC_CHANNELS.appInfo, action, { frame, payload: undefined, context: null }, {});
    expect(result.ok).toBe(false);
    expect(action).not.toHaveBeenCalled();
  });

  it('does not run the action for a malformed payload', async () => {
    const action = vi.fn(async () => ok(null));
    const result = await dispatchIpc(IPC_CHANNELS.openExternal, action, { frame: appFrame, payload: { url: 'javascript:alert(1)' }, context: null }, {});
    expect(result.ok).toBe(false);
    expect(action).not.toHaveBeenCalled();
  });

  it('turns an exception into { ok: false, error }', async () => {
    const result = await dispatchIpc(
      IPC_CHANNELS.printToPdf,
      async () => {
        throw new Error('disk full');
      },
      { frame: appFrame, payload: { suggestedName: 'offer' }, context: null },
      {},
    );
    expect(result).toEqual({ ok: false, error: 'pdf:print failed: disk full' });
  });

  it('trusts the dev server only when configured', async () => {
    const frame = { url: 'http://localhost:5173/', isMainFrame: true };
    const action = async () => ok({ version: '1', dataFolder: null, serverUrl: null, computerName: null });
    expect((await dispatchIpc(IPC_CHANNELS.appInfo, action, { frame, payload: undefined, context: null }, {})).ok).toBe(false);
    expect(
      (await dispatchIpc(IPC_CHANNELS.appInfo, action, { frame, payload: undefined, context: null }, { devServerUrl: 'http://localhost:5173' })).ok,
    ).toBe(true);
  });
});
