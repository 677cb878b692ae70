import { describe, expect, it } from 'vitest';
import { formatHlc, type Hlc } from './hlc';
import { mergeFields, sameValue, type FieldWrite, type StoredRecord } from './merge';

const stamp = (wall: number, node = 'aaaaaaaaaaaaaaaa'): Hlc => formatHlc({ wall, counter: 0, node });
const w = (value: unknown, hlc: Hlc, base: Hlc | null): FieldWrite => ({ value, hlc, base });

const S0 = stamp(100);
const base: StoredRecord = { data: { name: 'Acme', city: 'Pécs' }, stamps: { '*': S0 } };

describe('mergeFields', () => {
  it('creates a record from nothing', () => {
    const r = mergeFields(null, { name: w('Acme', S0, null) });
    expect(r.data).toEqual({ name: 'Acme' });
    expect(r.changed).toEqual(['name']);
    expect(r.lost).toEqual([]);
  });

  it('applies a sequential edit (its base is the current stamp) even with an older clock', () => {
    const r = mergeFields(base, { city: w('Győr', stamp(200), S0) });
    expect(r.data.city).toBe('Győr');
    expect(r.lost).toEqual([]);
  });

  it('is idempotent: the same write twice changes nothing the second time', () => {
    const once = mergeFields(base, { city: w('Győr', stamp(200), S0) });
    const twice = mergeFields(once, { city: w('Győr', stamp(200), S0) });
    expect(twice.changed).toEqual([]);
    expect(twice.data).toEqual(once.data);
  });

  it('keeps both edits when two devices changed different fields', () => {
    const a = mergeFields(base, { name: w('Acme Kft', stamp(200, 'aaaaaaaaaaaaaaaa'), S0) });
    const b = mergeFields(a, { city: w('Szeged', stamp(150, 'bbbbbbbbbbbbbbbb'), S0) });
    expect(b.data).toEqual({ name: 'Acme Kft', city: 'Szeged' });
    expect(b.lost).toEqual([]);
  });

  it('same field concurrently: the later stamp wins in either order, and the loser is reported', () => {
    const early = { city: w('Szeged', stamp(150, 'bbbbbbbbbbbbbbbb'), S0) };
    const late = { city: w('Győr', stamp(200, 'aaaaaaaaaaaaaaaa'), S0) };
    const ab = mergeFields(mergeFields(base, early), late);
    const ba = mergeFields(mergeFields(base, late), early);
    expect(ab.data.city).toBe('Győr');
    expect(ba.data.city).toBe('Győr');
    expect(ab.stamps).toEqual(ba.stamps);
    // Either way the losing value is kept for the conflict record.
    expect(mergeFields(mergeFields(base, early), late).lost).toMatchObject([{ field: 'city', value: 'Szeged', incomingLost: false }]);
    expect(mergeFields(mergeFields(base, late), early).lost).toMatchObject([{ field: 'city', value: 'Szeged', incomingLost: true }]);
  });

  it('concurrent writes of the same value are not a conflict', () => {
    const a = mergeFields(base, { city: w('Győr', stamp(200), S0) });
    const b = mergeFields(a, { city: w('Győr', stamp(300, 'bbbbbbbbbbbbbbbb'), S0) });
    expect(b.lost).toEqual([]);
    expect(b.stamps.city).toBe(stamp(300, 'bbbbbbbbbbbbbbbb'));
  });

  it('files added on two laptops concurrently are both kept, in either order, with no conflict', () => {
    const file = (sha: string) => ({ sha256: sha.repeat(64), name: `${sha}.pdf`, size: 1 });
    const withFile: StoredRecord = { data: { ...base.data, attachments: [file('a')] }, stamps: { '*': S0 } };
    const one = { attachments: w([file('a'), file('b')], stamp(200, 'aaaaaaaaaaaaaaaa'), S0) };
    const other = { attachments: w([file('a'), file('c')], stamp(150, 'bbbbbbbbbbbbbbbb'), S0) };
    const ab = mergeFields(mergeFields(withFile, one), other);
    const ba = mergeFields(mergeFields(withFile, other), one);
    expect(ab.data.attachments).toEqual([file('a'), file('b'), file('c')]);
    expect(ba.data.attachments).toEqual(ab.data.attachments);
    expect(ab.stamps).toEqual(ba.stamps);
    expect([ab.lost, ba.lost]).toEqual([[], []]);
    // A list that is not of files is merged as any other field.
    expect(mergeFields(mergeFields(base, { tags: w(['x'], stamp(200), S0) }), { tags: w(['y'], stamp(150, 'bbbbbbbbbbbbbbbb'), S0) }).lost).toHaveLength(1);
  });

  it('a delete is a field: edits do not revive, only an explicit undelete does', () => {
    const deleted = mergeFields(base, { _deleted: w(true, stamp(200), null) });
    const edited = mergeFields(deleted, { city: w('Eger', stamp(300), S0) });
    expect(edited.data._deleted).toBe(true);
    const undeleted = mergeFields(edited, { _deleted: w(false, stamp(400), stamp(200)) });
    expect(undeleted.data._deleted).toBe(false);
  });

  it('converges whatever order concurrent writers arrive in (randomised)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const writes = Array.from({ length: 4 }, (_, i) => ({
        [['name', 'city'][Math.floor(rand() * 2)]!]: w(`v${Math.floor(rand() * 3)}`, stamp(150 + Math.floor(rand() * 50), `${i}`.repeat(16)), S0),
      }));
      const orders = [writes, [...writes].reverse(), [writes[2]!, writes[0]!, writes[3]!, writes[1]!]];
      const finals = orders.map((o) => o.reduce<StoredRecord>((rec, write) => mergeFields(rec, write), base));
      for (const f of finals) {
        expect(f.data).toEqual(finals[0]!.data);
        expect(f.stamps).toEqual(finals[0]!.stamps);
      }
    }
  });
});

describe('sameValue', () => {
  it('compares JSON structurally', () => {
    expect(sameValue([{ a: 1 }], [{ a: 1 }])).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    // As JSON: a key whose value is undefined is not sent, stored or compared.
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
