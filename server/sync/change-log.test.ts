/** When a pushed change was made, from its stamps (change-log.ts `madeAtOf`). */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/sync/hlc';
import { madeAtOf } from './change-log';

const stamp = (wall: number) => formatHlc({ wall, counter: 0, node: '3f2a9c41d07b5e6a' });
const now = Date.UTC(2026, 2, 10, 18);
const ten = Date.UTC(2026, 2, 10, 10);
const eleven = Date.UTC(2026, 2, 10, 11);

describe('when a pushed change was made', () => {
  it('is a new record’s earliest stamp (when it was created) and any other change’s latest (its last edit)', () => {
    expect(madeAtOf('created', [stamp(eleven), stamp(ten)], now)).toBe(ten);
    expect(madeAtOf('updated', [stamp(ten), stamp(eleven)], now)).toBe(eleven);
    expect(madeAtOf('deleted', [stamp(ten)], now)).toBe(ten);
  });

  it('is never after the server received it (a laptop clock ahead), and unknown without stamps', () => {
    expect(madeAtOf('updated', [stamp(now + 3 * 60_000)], now)).toBe(now);
    expect(madeAtOf('resolved', [], now)).toBeUndefined();
  });
});
