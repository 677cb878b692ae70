import { cleanText } from '../../../core/text-safety';

/**
 * Telling a USB barcode scanner from a person at the keyboard.
 *
 * A scanner in keyboard mode "types" its code as a burst of key presses a few milliseconds apart
 * (0–15 ms is usual, some Bluetooth ones reach 25 ms), then presses Enter (or Tab, by its
 * configuration). People are slower: even fast typists leave 40 ms or more between most keys,
 * and a roll-over of two or three keys is the most that comes closer. So a scan is a run of at
 * least `minLength` characters in which every gap is under `maxGapMs` and whose last key is
 * Enter or Tab; anything else, including a person's short fast roll-over, is typing.
 *
 * Multi-line payloads (a vCard) arrive with Enter for each line break. An Enter inside a fast
 * run therefore continues the run as a newline; the run ends only when the keys stop for longer
 * than `maxGapMs`. That is why the end of a scan is only known a little after its last key: the
 * DOM adapter calls `flush()` once the keyboard has been quiet for `endPauseMs`.
 *
 * A scanner can send control characters (a prefix and suffix such as STX … ETX, the GS separator
 * of GS1 codes) as keys whose `key` is that character. Chromium does not type them into a field,
 * and the detector leaves them out of the scan's text.
 *
 * Event timestamps are used, not the clock at dispatch: Chromium stamps key events when the OS
 * delivers them, so a busy main thread that dispatches a burst late does not stretch its gaps.
 */

export interface ScanBurstOptions {
  /** Shortest code taken as a scan, not counting the final Enter/Tab. */
  minLength: number;
  /** Largest gap between two keys of one scan. */
  maxGapMs: number;
  /** Quiet time after which the adapter closes a run (a little more than maxGapMs). */
  endPauseMs: number;
  /** Keys after which Enter/Tab are held back (see `KeyVerdict.inBurst`). */
  suspectAfter: number;
}

export const DEFAULT_SCAN_OPTIONS: ScanBurstOptions = { minLength: 6, maxGapMs: 30, endPauseMs: 80, suspectAfter: 4 };

/** A recognised scan. Times are the key events' timestamps. */
export interface ScanBurst {
  /** The code as typed, line breaks as `\n`, without the final Enter/Tab and control characters. */
  text: string;
  startedAt: number;
  endedAt: number;
}

/** What the caller should know about one key press. */
export interface KeyVerdict {
  /** A scan the arrival of this key closed (the keyboard had gone quiet before it). */
  scan: ScanBurst | null;
  /** This key begins a new run: the moment to remember the focused field's value. */
  startsRun: boolean;
  /**
   * The run this key belongs to is already too fast and too long to be a person. Enter and Tab
   * in such a run should not act (submit the form, move focus): a vCard's first line break would
   * otherwise submit the capture form half-typed.
   */
  inBurst: boolean;
}

/** Modifier and lock keys a scanner presses around characters (Shift for capitals); they are not part of the code. */
const IGNORED_KEYS = new Set(['Shift', 'CapsLock', 'NumLock', 'Alt', 'AltGraph']);

/** Pure detector: feed it every keydown (key and timestamp) and flush it when the keyboard is quiet. */
export class ScanBurstDetector {
  private readonly options: ScanBurstOptions;
  private keys: string[] = [];
  private startedAt = 0;
  private lastAt = -Infinity;
  /** A run that included a non-character key or a key repeat can never be a scan. */
  private spoiled = false;

  constructor(options: Partial<ScanBurstOptions> = {}) {
    this.options = { ...DEFAULT_SCAN_OPTIONS, ...options };
  }

  /**
   * Feeds one key press. `key` is `KeyboardEvent.key`; `repeat` is true for auto-repeat of a
   * held key, which comes at scanner-like speed (about every 33 ms) and must not count.
   */
  key(key: string, timeStamp: number, repeat = false): KeyVerdict {
    if (IGNORED_KEYS.has(key)) return { scan: null, startsRun: false, inBurst: this.isSuspect() };
    let scan: ScanBurst | null = null;
    let startsRun = false;
    if (this.keys.length === 0 || timeStamp - this.lastAt > this.options.maxGapMs) {
      scan = this.close();
      this.startedAt = timeStamp;
      startsRun = true;
    }
    this.lastAt = timeStamp;
    if (repeat || !isCodeKey(key)) this.spoiled = true;
    this.keys.push(key);
    return { scan, startsRun, inBurst: this.isSuspect() };
  }

  /**
   * Closes the current run if the keyboard has been quiet since and the run ended with Enter or
   * Tab; returns it if it was a scan. A run that has not ended stays open: its next keys may
   * still be on their way (a busy browser delivers a burst late and unevenly, while their
   * timestamps keep the device's rhythm), and the next key's gap decides whether it continues.
   */
  flush(now: number): ScanBurst | null {
    if (this.keys.length === 0 || now - this.lastAt <= this.options.maxGapMs) return null;
    const last = this.keys[this.keys.length - 1];
    if (last !== 'Enter' && last !== 'Tab') return null;
    return this.close();
  }

  /** True while the current run's last key is too recent for the keyboard to count as quiet. */
  isMidRun(now: number): boolean {
    return this.keys.length > 0 && now - this.lastAt <= this.options.maxGapMs;
  }

  reset(): void {
    this.keys = [];
    this.spoiled = false;
  }

  private isSuspect(): boolean {
    return !this.spoiled && this.keys.length >= this.options.suspectAfter;
  }

  private close(): ScanBurst | null {
    const keys = this.keys;
    const spoiled = this.spoiled;
    this.reset();
    const last = keys[keys.length - 1];
    if (spoiled || (last !== 'Enter' && last !== 'Tab')) return null;
    const body = keys.slice(0, -1);
    // Scanners that end each line with CR LF press Enter twice; a blank line means nothing in
    // any payload we read, so doubled line breaks collapse.
    // Control characters a scanner may send (STX/ETX framing, a GS1 or ISO 15434 separator) are
    // dropped: no field may hold them and the company cannot store them (core/text-safety.ts).
    const typed = cleanText(body.map((k) => (k === 'Enter' ? '\n' : k === 'Tab' ? '\t' : k)).join('')).text;
    const text = typed.replace(/\n+/g, '\n').replace(/[\n\t]+$/, '');
    if (text.trim().length < this.options.minLength) return null;
    return { text, startedAt: this.startedAt, endedAt: this.lastAt };
  }
}

function isCodeKey(key: string): boolean {
  return key.length === 1 || key === 'Enter' || key === 'Tab';
}

// ---------------------------------------------------------------------------------------------
// DOM adapter

/** Where the scan's characters went, so they can be taken out again. */
export interface ScanTarget {
  /** The text field that had focus when the scan began, if any. */
  field: HTMLInputElement | HTMLTextAreaElement | null;
  /** Its value before the scan's first key. */
  valueBefore: string;
}

export interface ListenForScansOptions extends Partial<ScanBurstOptions> {
  /**
   * Put the focused field back to its value from before the scan (default true). The scanner's
   * keys cannot be stopped from reaching the field — a scan is only known after several keys —
   * so they are taken out afterwards instead.
   */
  restoreField?: boolean;
}

/**
 * Listens for scans on `target` (usually `window`, so a scan works whatever has focus). Enter and
 * Tab inside a scanner-speed run are stopped from acting; when the scan is recognised the
 * focused field gets its old value back (if `restoreField`) and `onScan` receives the text and
 * the field. Returns the function that stops listening.
 */
export function listenForScans(
  target: EventTarget,
  onScan: (text: string, info: ScanBurst & ScanTarget) => void,
  options: ListenForScansOptions = {},
): () => void {
  const { restoreField = true, ...detectorOptions } = options;
  const detector = new ScanBurstDetector(detectorOptions);
  const endPauseMs = detectorOptions.endPauseMs ?? DEFAULT_SCAN_OPTIONS.endPauseMs;
  let runTarget: ScanTarget = { field: null, valueBefore: '' };
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = (scan: ScanBurst | null, where: ScanTarget) => {
    if (!scan) return;
    if (restoreField && where.field) restoreFieldValue(where.field, where.valueBefore);
    onScan(scan.text, { ...scan, ...where });
  };

  const onKeyDown = (event: Event) => {
    if (!(event instanceof KeyboardEvent) || event.isComposing) return;
    // Shortcuts (Ctrl+V, Cmd+A) are a person; AltGr (Ctrl+Alt on Windows) types characters.
    const shortcut = (event.ctrlKey || event.metaKey) && !event.getModifierState('AltGraph');
    const verdict = detector.key(shortcut ? 'Shortcut' : event.key, event.timeStamp, event.repeat);
    emit(verdict.scan, runTarget);
    if (verdict.startsRun) runTarget = focusedField();
    if (verdict.inBurst && (event.key === 'Enter' || event.key === 'Tab')) event.preventDefault();
    clearTimeout(timer);
    timer = setTimeout(closeWhenQuiet, endPauseMs);
  };
  const closeWhenQuiet = () => {
    const now = performance.now();
    // The keys' timestamps, not this timer, say when the keyboard went quiet: look again later
    // while the last key is still within a scan's gap of now.
    if (detector.isMidRun(now)) timer = setTimeout(closeWhenQuiet, endPauseMs);
    else emit(detector.flush(now), runTarget);
  };

  // Capture phase: the detector must see keys before a field's own handler stops them.
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    clearTimeout(timer);
    target.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}

function focusedField(): ScanTarget {
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && active.type !== 'checkbox' && active.type !== 'radio')) {
    return { field: active, valueBefore: active.value };
  }
  return { field: null, valueBefore: '' };
}

/**
 * Sets a field's value so React notices: React tracks the value it last rendered through the
 * element's own `value` property, so the prototype's setter is used and an `input` event sent,
 * as if the person had edited it.
 */
export function restoreFieldValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  if (field.value === value) return;
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
