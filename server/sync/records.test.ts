/**
 * Sequence numbers on the company server: a pull reads changes by number, so a number must never
 * become visible after a higher one (the pulling laptop would move its cursor past it and never
 * see that change). Writers therefore take the sequence lock in the statement that numbers their
 * rows and hold it to their commit.
 */
import { expect, it } from 'vitest';
import { describeBackend, useTestDatabase } from '../test/backends';
import { saveRows, type StoredRow } from './records';

const row = (): Omit<StoredRow, 'seq'> => ({ tbl: 'clients', id: crypto.randomUUID(), owner_id: null, client_id: null, data: { name: 'x' }, stamps: {}, authors: {} });

describeBackend('postgres')('sequence numbers (postgres, two connections)', () => {
  const test = useTestDatabase('postgres');

  it('a second writer waits for the first one’s commit, so numbers become visible in order', async () => {
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    const a = row();
    const b = row();
    const first = test.db.transaction(async (tx) => {
      const [seq] = await saveRows(tx, [a]);
      events.push('first numbered');
      firstWrote();
      await held;
      events.push('first commits');
      return seq!;
    });
    await wrote;
    const second = test.db.transaction(async (tx) => {
      const [seq] = await saveRows(tx, [b]);
      events.push('second numbered');
      return seq!;
    });
    // The second writer is held at the lock while the first has not committed.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events).toEqual(['first numbered']);
    release();
    const [seqA, seqB] = await Promise.all([first, second]);
    expect(events).toEqual(['first numbered', 'first commits', 'second numbered']);
    expect(seqA).toBeLessThan(seqB);
  });
});
