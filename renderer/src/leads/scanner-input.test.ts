import { describe, expect, it } from 'vitest';
import { ScanBurstDetector, type ScanBurst } from './scanner-input';

/** Keys of a text as a scanner or keyboard sends them: one key per character, Enter per line break. */
function keysOf(text: string): string[] {
  return Array.from(text).map((c) => (c === '\n' ? 'Enter' : c));
}

interface Run {
  scans: ScanBurst[];
  /** Per key: was it held back as part of a burst (only Enter/Tab are, by the DOM adapter). */
  inBurst: boolean[];
  startsRun: boolean[];
}

/** Feeds keys at the given gaps (one gap per key after the first), then lets the keyboard go quiet. */
function feed(detector: ScanBurstDetector, keys: string[], gaps: (i: number) => number, start = 1000, repeat = false): Run {
  const run: Run = { scans: [], inBurst: [], startsRun: [] };
  let t = start;
  keys.forEach((key, i) => {
    if (i > 0) t += gaps(i);
    const verdict = detector.key(key, t, repeat);
    if (verdict.scan) run.scans.push(verdict.scan);
    run.inBurst.push(verdict.inBurst);
    run.startsRun.push(verdict.startsRun);
  });
  const flushed = detector.flush(t + 100);
  if (flushed) run.scans.push(flushed);
  return run;
}

/** Deterministic jitter so timings are not all identical. */
const jitter = (base: number, spread: number) => (i: number) => base + ((i * 7919) % (spread + 1));

describe('ScanBurstDetector', () => {
  it('recognises a fast burst ending with Enter', () => {
    const detector = new ScanBurstDetector();
    const run = feed(detector, [...keysOf('4006381333931'), 'Enter'], jitter(3, 9));
    expect(run.scans).toHaveLength(1);
    expect(run.scans[0]).toMatchObject({ text: '4006381333931', startedAt: 1000 });
    expect(run.scans[0]!.endedAt).toBeGreaterThan(1000);
    expect(run.startsRun[0]).toBe(true);
    expect(run.startsRun.slice(1).every((s) => !s)).toBe(true);
  });

  it('accepts Tab as the terminator', () => {
    const run = feed(new ScanBurstDetector(), [...keysOf('ATT-000183'), 'Tab'], () => 8);
    expect(run.scans.map((s) => s.text)).toEqual(['ATT-000183']);
  });

  it('ignores Shift presses a scanner sends for capitals', () => {
    const keys = ['Shift', 'A', 'Shift', 'B', ...keysOf('123456'), 'Enter'];
    const run = feed(new ScanBurstDetector(), keys, () => 4);
    expect(run.scans.map((s) => s.text)).toEqual(['AB123456']);
  });

  it('leaves control characters a scanner sends (STX/ETX framing, GS separators) out of the text', () => {
    const keys = [...keysOf('\u0002MECARD:N:Kovacs,Anna;ORG:Example\u001D Kft;;\u0003'), 'Enter'];
    const run = feed(new ScanBurstDetector(), keys, () => 4);
    expect(run.scans.map((s) => s.text)).toEqual(['MECARD:N:Kovacs,Anna;ORG:Example Kft;;']);
    // A code of nothing but control characters is too short to be a scan.
    expect(feed(new ScanBurstDetector(), [...keysOf('\u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0003'), 'Enter'], () => 4).scans).toEqual([]);
  });

  it('does not take a fast burst without a terminator for a scan', () => {
    const run = feed(new ScanBurstDetector(), keysOf('4006381333931'), () => 5);
    expect(run.scans).toEqual([]);
  });

  it('does not take human typing for a scan, even a long line ended with Enter', () => {
    const run = feed(new ScanBurstDetector(), [...keysOf('anna@example.hu'), 'Enter'], jitter(45, 120));
    expect(run.scans).toEqual([]);
    expect(run.inBurst.some(Boolean)).toBe(false);
  });

  it('does not take a person who rolls three letters fast for a scan', () => {
    // "the" rolled at 8 ms gaps, then normal speed, then Enter right after the last letter.
    const gaps = [0, 8, 9, 70, 65, 80, 12];
    const run = feed(new ScanBurstDetector(), [...keysOf('thexyz'), 'Enter'], (i) => gaps[i]!);
    expect(run.scans).toEqual([]);
    expect(run.inBurst.some(Boolean)).toBe(false);
  });

  it('does not take a short fast burst (below minLength) for a scan', () => {
    const run = feed(new ScanBurstDetector({ minLength: 6 }), [...keysOf('12345'), 'Enter'], () => 5);
    expect(run.scans).toEqual([]);
  });

  it('does not take a held key (auto-repeat at ~33 ms) for a scan', () => {
    const detector = new ScanBurstDetector({ maxGapMs: 35 });
    const run = feed(detector, [...keysOf('aaaaaaaaaa'), 'Enter'], () => 33, 1000, true);
    expect(run.scans).toEqual([]);
  });

  it('breaks a burst on a non-character key (arrow, Backspace, shortcut)', () => {
    const keys = [...keysOf('abc123'), 'Backspace', ...keysOf('456'), 'Enter'];
    const run = feed(new ScanBurstDetector(), keys, () => 5);
    expect(run.scans).toEqual([]);
  });

  it('reads a multi-line vCard as one scan, Enter inside the burst being a line break', () => {
    const vcard = 'BEGIN:VCARD\nVERSION:3.0\nFN:Anna Kovács\nTEL:+36301234567\nEND:VCARD\n';
    const detector = new ScanBurstDetector();
    const run = feed(detector, keysOf(vcard), jitter(2, 12));
    expect(run.scans.map((s) => s.text)).toEqual(['BEGIN:VCARD\nVERSION:3.0\nFN:Anna Kovács\nTEL:+36301234567\nEND:VCARD']);
    // Enter/Tab are held back once the run is clearly a scanner, so line breaks cannot submit a form.
    const firstEnter = keysOf(vcard).indexOf('Enter');
    expect(run.inBurst[firstEnter]).toBe(true);
    expect(run.inBurst[0]).toBe(false);
  });

  it('collapses CR LF line ends sent as two Enters', () => {
    const keys = [...keysOf('N:Doe;John'), 'Enter', 'Enter', ...keysOf('TEL:+15551234567'), 'Enter', 'Enter'];
    const run = feed(new ScanBurstDetector(), keys, () => 3);
    expect(run.scans.map((s) => s.text)).toEqual(['N:Doe;John\nTEL:+15551234567']);
  });

  it('separates two scans with a pause between them, and leaves typing before a scan out of it', () => {
    const detector = new ScanBurstDetector();
    const scans: string[] = [];
    let t = 0;
    const press = (key: string, gap: number) => {
      t += gap;
      const verdict = detector.key(key, t);
      if (verdict.scan) scans.push(verdict.scan.text);
    };
    for (const k of keysOf('hi ')) press(k, 150); // the person types
    press('C', 150);
    for (const k of [...keysOf('ODE-0001'), 'Enter']) press(k, 6);
    press('C', 60); // next scan starts 60 ms later: the first one is closed by this key
    for (const k of [...keysOf('ODE-0002'), 'Enter']) press(k, 6);
    const last = detector.flush(t + 100);
    if (last) scans.push(last.text);
    expect(scans).toEqual(['CODE-0001', 'CODE-0002']);
  });

  it('waits until the keyboard is quiet before closing a run', () => {
    const detector = new ScanBurstDetector({ maxGapMs: 30 });
    let t = 0;
    for (const k of [...keysOf('12345678'), 'Enter']) detector.key(k, (t += 5));
    expect(detector.flush(t + 10)).toBeNull(); // more keys may still come
    expect(detector.flush(t + 31)?.text).toBe('12345678');
    expect(detector.flush(t + 200)).toBeNull(); // closed once
  });

  it('keeps an unfinished run open through a late delivery, so a burst the browser delivers unevenly is still one scan', () => {
    const detector = new ScanBurstDetector();
    let t = 0;
    for (const k of keysOf('MECARD:N:Petrov')) detector.key(k, (t += 4));
    // The keyboard looks quiet (the rest of the burst is still on its way): nothing is closed.
    expect(detector.flush(t + 500)).toBeNull();
    let scan = null;
    for (const k of [...keysOf(',Ivan;;'), 'Enter']) scan ??= detector.key(k, (t += 4)).scan;
    expect(scan).toBeNull();
    expect(detector.flush(t + 100)?.text).toBe('MECARD:N:Petrov,Ivan;;');
  });

  it('drops an unfinished run once the next key comes after a pause', () => {
    const detector = new ScanBurstDetector();
    let t = 0;
    for (const k of keysOf('12345678')) detector.key(k, (t += 4));
    expect(detector.flush(t + 500)).toBeNull();
    detector.key('9', (t += 500));
    detector.key('Enter', (t += 150));
    expect(detector.flush(t + 100)).toBeNull(); // "9" and Enter typed by a person are not a scan
  });
});
