import { describe, expect, it } from 'vitest';
import { HLC_ZERO, HlcClock, compareHlc, formatHlc, hlcWall, nodeIdFrom, parseHlc } from './hlc';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';

describe('HLC stamps', () => {
  it('format and parse round-trip, and compare as strings in time order', () => {
    const s = formatHlc({ wall: 1_763_856_000_123, counter: 7, node: NODE_A });
    expect(s).toBe('001763856000123-00007-aaaaaaaaaaaaaaaa');
    expect(parseHlc(s)).toEqual({ wall: 1_763_856_000_123, counter: 7, node: NODE_A });
    expect(compareHlc(s, formatHlc({ wall: 1_763_856_000_124, counter: 0, node: NODE_A }))).toBe(-1);
    expect(compareHlc(s, formatHlc({ wall: 1_763_856_000_123, counter: 8, node: NODE_A }))).toBe(-1);
    // Same time and counter: the node id breaks the tie, the same way on every device.
    expect(compareHlc(s, formatHlc({ wall: 1_763_856_000_123, counter: 7, node: NODE_B }))).toBe(-1);
    expect(HLC_ZERO < s).toBe(true);
  });

  it('rejects malformed stamps and node ids', () => {
    expect(() => parseHlc('2026-11-22')).toThrow();
    expect(() => formatHlc({ wall: 1, counter: 0, node: 'XYZ' })).toThrow();
    expect(nodeIdFrom('3F2A9C41-D07B-4e6a-9c1d-000000000000')).toBe('3f2a9c41d07b4e6a');
    expect(() => nodeIdFrom('abc')).toThrow();
  });
});

describe('HlcClock', () => {
  it('is monotonic even when the wall clock stands still or goes back', () => {
    let wall = 1000;
    const clock = new HlcClock(NODE_A, HLC_ZERO, () => wall);
    const a = clock.now();
    const b = clock.now();
    wall = 500; // clock set back
    const c = clock.now();
    expect(a < b && b < c).toBe(true);
    expect(hlcWall(c)).toBe(1000);
  });

  it('stamps later than anything it has received', () => {
    const clock = new HlcClock(NODE_A, HLC_ZERO, () => 1000);
    const remote = formatHlc({ wall: 5000, counter: 3, node: NODE_B });
    clock.receive(remote);
    expect(clock.now() > remote).toBe(true);
    // Receiving an older stamp never moves the clock back.
    const before = clock.lastStamp;
    clock.receive(formatHlc({ wall: 10, counter: 0, node: NODE_B }));
    expect(clock.lastStamp).toBe(before);
  });

  it('applies the server offset to the wall time', () => {
    const deviceNow = 1_763_856_000_000;
    const clock = new HlcClock(NODE_A, HLC_ZERO, () => deviceNow);
    clock.setOffset(-86_400_000); // the device clock is a day ahead of the server
    expect(hlcWall(clock.now())).toBe(deviceNow - 86_400_000);
  });

  it('resumes after a restart from its last stamp', () => {
    const first = new HlcClock(NODE_A, HLC_ZERO, () => 9000);
    const last = first.now();
    const second = new HlcClock(NODE_A, last, () => 100);
    expect(second.now() > last).toBe(true);
  });
});
