import { describe, expect, it } from 'vitest';
import { SyncFailure, interpretAnswer } from './transport';

const failureOf = (status: number, text: string) => {
  try {
    interpretAnswer(status, text);
  } catch (e) {
    return e instanceof SyncFailure ? e.code : 'not a SyncFailure';
  }
  return 'no failure';
};

describe('interpretAnswer', () => {
  it('gives the value of a JSON answer, and a code the app explains for anything else', () => {
    expect(interpretAnswer(200, '{"ok":true}')).toEqual({ ok: true });
    // A web page where the company server was expected: a wrong address, not a server failure.
    expect(failureOf(200, '<h1>Printer status</h1>')).toBe('not_a_server');
    expect(failureOf(502, '<html>Bad gateway</html>')).toBe('not_a_server');
    expect(failureOf(401, '{"error":"device_revoked"}')).toBe('device_revoked');
    expect(failureOf(401, '{"error":"unauthorized"}')).toBe('unauthorized');
    expect(failureOf(409, '{"error":"sequence_gap","expectedFromSeq":1}')).toBe('sequence_gap');
    expect(failureOf(400, '{"error":"bad_request"}')).toBe('bad_request');
    expect(failureOf(500, '{"error":"internal"}')).toBe('server_error');
  });
});
