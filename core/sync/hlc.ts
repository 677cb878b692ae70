/**
 * Hybrid logical clock stamps. Every synced field value carries the stamp of the write that set
 * it; between concurrent writes the later stamp wins, ties broken by node id. A stamp is a
 * fixed-width string so stamps compare correctly as plain strings (in JS, in IndexedDB indexes
 * and in PostgreSQL `text` columns alike):
 *
 *   "001763856000123-00000-3f2a9c41d07b5e6a"
 *    wall ms (15 digits) counter (5)  node id (16 hex)
 *
 * The wall part follows the device clock corrected by the offset the server reported (see
 * `HlcClock.setOffset`); the counter orders writes within one millisecond and keeps the clock
 * monotonic when the wall clock goes backwards; the node id makes every stamp unique.
 */

export type Hlc = string;

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const NODE_PATTERN = /^[0-9a-f]{16}$/;
export const HLC_PATTERN = /^\d{15}-\d{5}-[0-9a-f]{16}$/;

/** The zero stamp: older than any real write. */
export const HLC_ZERO: Hlc = `${'0'.repeat(WALL_DIGITS)}-${'0'.repeat(COUNTER_DIGITS)}-${'0'.repeat(16)}`;

export interface HlcParts {
  wall: number;
  counter: number;
  node: string;
}

export function formatHlc({ wall, counter, node }: HlcParts): Hlc {
  if (!NODE_PATTERN.test(node)) throw new Error(`invalid HLC node id: ${node}`);
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(stamp: Hlc): HlcParts {
  if (!HLC_PATTERN.test(stamp)) throw new Error(`invalid HLC stamp: ${stamp}`);
  return {
    wall: Number(stamp.slice(0, WALL_DIGITS)),
    counter: Number(stamp.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS)),
    node: stamp.slice(WALL_DIGITS + COUNTER_DIGITS + 2),
  };
}

export const isHlc = (value: unknown): value is Hlc => typeof value === 'string' && HLC_PATTERN.test(value);

export const compareHlc = (a: Hlc, b: Hlc): number => (a < b ? -1 : a > b ? 1 : 0);
export const maxHlc = (a: Hlc, b: Hlc): Hlc => (a >= b ? a : b);

/** The wall time of a stamp, in ms since the epoch. */
export const hlcWall = (stamp: Hlc): number => Number(stamp.slice(0, WALL_DIGITS));

/** A node id from a UUID (device id) or any hex string: its first 16 hex digits. */
export function nodeIdFrom(id: string): string {
  const hex = id.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length < 16) throw new Error('node id source needs at least 16 hex digits');
  return hex.slice(0, 16);
}

/**
 * A hybrid logical clock for one node. `now()` stamps a local write; `receive()` folds in a stamp
 * seen from elsewhere (a pulled value), so that every later local stamp is greater than anything
 * this node has seen — which is what lets the server tell a sequential edit from a concurrent one.
 */
export class HlcClock {
  private last: HlcParts;
  private offsetMs = 0;

  constructor(
    readonly node: string,
    last: Hlc = HLC_ZERO,
    private readonly wallClock: () => number = Date.now,
  ) {
    if (!NODE_PATTERN.test(node)) throw new Error(`invalid HLC node id: ${node}`);
    this.last = { ...parseHlc(last), node };
  }

  /** Server time minus device time, as measured at the last sync; corrects the wall part. */
  setOffset(offsetMs: number): void {
    this.offsetMs = Math.round(offsetMs);
  }

  private wall(): number {
    return this.wallClock() + this.offsetMs;
  }

  /** A new stamp, greater than every stamp this clock produced or received. */
  now(): Hlc {
    const wall = this.wall();
    this.last = wall > this.last.wall ? { wall, counter: 0, node: this.node } : this.advance(this.last.wall, this.last.counter);
    return formatHlc(this.last);
  }

  /** Folds in a remote stamp (monotonic: never moves the clock back). */
  receive(remote: Hlc): void {
    const r = parseHlc(remote);
    if (r.wall > this.last.wall || (r.wall === this.last.wall && r.counter > this.last.counter)) {
      this.last = { wall: r.wall, counter: r.counter, node: this.node };
    }
  }

  /** The last stamp issued or received (to persist across restarts). */
  get lastStamp(): Hlc {
    return formatHlc(this.last);
  }

  private advance(wall: number, counter: number): HlcParts {
    // Counter overflow within one millisecond: borrow the next millisecond rather than wrap.
    return counter >= MAX_COUNTER ? { wall: wall + 1, counter: 0, node: this.node } : { wall, counter: counter + 1, node: this.node };
  }
}
