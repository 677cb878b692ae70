/**
 * No text field of the app ever holds text the company cannot store (core/text-safety.ts): a NUL
 * or another invisible control character pasted from another program, dropped onto a field or
 * put there by an input method, and the broken half of an emoji. Such characters are removed as
 * they arrive, the rest of what came is inserted exactly where it would have gone, and the person
 * is told in a word.
 *
 * One set of capture-phase listeners on the document, installed once, covers every `<input>` and
 * `<textarea>` of every form (Mantine's inputs render those; React and react-hook-form listen to
 * their `input` events further down, so they only ever see the clean value):
 * - `paste`: the clipboard's text is cleaned before anything else sees the event. The field's own
 *   paste handling then gets a paste event carrying the clean text (TagsInput splits it into
 *   tags); if none takes it, the clean text is inserted with `execCommand('insertText')`, which
 *   replaces the selection, leaves the caret after the insert, keeps Ctrl+Z working and sends
 *   the `input` event React listens to.
 * - `beforeinput`: text a drop, an input method, autocorrect or a tool inserts (its `data`) is
 *   cleaned the same way (a drop's text lands where it was dropped and stays selected).
 * - `input` and `compositionend`: whatever got past (text composed by an input method cannot be
 *   stopped before it lands) is taken out of the field's value afterwards, keeping the caret.
 *
 * Chromium never inserts a control character for a key press, and its clipboard turns an
 * unpaired surrogate into U+FFFD on Linux; Windows' UTF-16 clipboard and drops from other
 * programs can carry both.
 */
import i18next from 'i18next';
import { notifications } from '@mantine/notifications';
import { cleanText } from '../../../core/text-safety';

/** Where removed characters came from, for the person's notice. */
export type ArrivedBy = 'pasted' | 'dropped' | 'entered';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Input types whose value is free text (the others are dates, numbers, colours, files, buttons). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'password']);

function editableTextField(target: EventTarget | null): TextField | null {
  const field = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) ? target : null;
  return field && !field.readOnly && !field.disabled ? field : null;
}

function arrivedBy(inputType: string | undefined): ArrivedBy {
  if (inputType === 'insertFromPaste' || inputType === 'insertFromPasteAsQuotation') return 'pasted';
  if (inputType === 'insertFromDrop') return 'dropped';
  return 'entered';
}

/** The selection of a field, where it has one (email inputs do not expose theirs). */
function selectionOf(field: TextField): { start: number; end: number } | null {
  try {
    return field.selectionStart === null || field.selectionEnd === null ? null : { start: field.selectionStart, end: field.selectionEnd };
  } catch {
    return null;
  }
}

/**
 * Inserts `text` over the field's selection as typing would: through the editor, so the field's
 * undo history, maxlength and `input` event are the browser's own.
 */
function insertText(field: TextField, text: string): void {
  if (field.ownerDocument.activeElement !== field) field.focus();
  if (field.ownerDocument.execCommand('insertText', false, text)) return;
  // Where the editing command is unavailable: write the value and tell React, as typing would.
  const selection = selectionOf(field);
  const value = selection ? field.value.slice(0, selection.start) + text + field.value.slice(selection.end) : field.value + text;
  setValueAsTyped(field, value, 'insertText', text);
  if (selection) field.setSelectionRange(selection.start + text.length, selection.start + text.length);
}

/**
 * Sets a field's value so that React notices: through the prototype's setter (React tracks the
 * value it rendered through the element's own `value` property) and with an `input` event.
 */
function setValueAsTyped(field: TextField, value: string, inputType: string, data: string | null): void {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
}

/**
 * Takes unsafe characters out of a field's value, the caret staying by the same characters.
 * `announce`: send an `input` event (outside of one, so React hears of the new value).
 */
function cleanFieldValue(field: TextField, announce: boolean): number {
  const { text, removed } = cleanText(field.value);
  if (removed === 0) return 0;
  const selection = selectionOf(field);
  const positionAfter = (at: number) => {
    // A caret is never inside a surrogate pair; if it were, the prefix would count the pair's
    // first half as unpaired.
    const end = at > 0 && at < field.value.length && /[\uD800-\uDBFF]/.test(field.value[at - 1]!) && /[\uDC00-\uDFFF]/.test(field.value[at]!) ? at + 1 : at;
    return end - cleanText(field.value.slice(0, end)).removed;
  };
  const newSelection = selection && { start: positionAfter(selection.start), end: positionAfter(selection.end) };
  if (announce) setValueAsTyped(field, text, 'insertReplacementText', null);
  else {
    const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, text);
  }
  if (newSelection) field.setSelectionRange(newSelection.start, newSelection.end);
  return removed;
}

/**
 * Installs the listeners on `doc`; `onRemoved` is told how many characters were removed and how
 * they came. Returns the function that removes the listeners.
 */
export function installTextGuard(doc: Document, onRemoved: (removed: number, how: ArrivedBy) => void): () => void {
  const onPaste = (event: ClipboardEvent) => {
    const field = editableTextField(event.target);
    const pasted = event.clipboardData?.getData('text/plain');
    if (!field || !pasted) return;
    const { text, removed } = cleanText(pasted);
    if (removed === 0) return;
    // Nothing else hears of the unsafe text: not the browser, not the field's own handlers.
    event.preventDefault();
    event.stopImmediatePropagation();
    const clean = new DataTransfer();
    clean.setData('text/plain', text);
    const handledByField = !field.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: clean }));
    if (!handledByField && text) insertText(field, text);
    onRemoved(removed, 'pasted');
  };

  const onBeforeInput = (event: InputEvent) => {
    const field = editableTextField(event.target);
    const data = event.data ?? event.dataTransfer?.getData('text/plain');
    // Not cancelable: text being composed by an input method, cleaned once it lands (below).
    if (!field || !data || !event.cancelable) return;
    const { text, removed } = cleanText(data);
    if (removed === 0) return;
    event.preventDefault();
    const how = arrivedBy(event.inputType);
    if (text) {
      insertText(field, text);
      // A drop leaves what was dropped selected, as the browser's own drop does.
      const selection = how === 'dropped' ? selectionOf(field) : null;
      if (selection) field.setSelectionRange(selection.end - text.length, selection.end);
    }
    onRemoved(removed, how);
  };

  const onInput = (event: Event) => {
    const field = editableTextField(event.target);
    if (!field || (event instanceof InputEvent && event.isComposing)) return;
    // Inside the `input` event itself: React's handler, further down, reads the clean value.
    const removed = cleanFieldValue(field, false);
    if (removed) onRemoved(removed, arrivedBy(event instanceof InputEvent ? event.inputType : undefined));
  };

  const onCompositionEnd = (event: CompositionEvent) => {
    const field = editableTextField(event.target);
    if (!field) return;
    const removed = cleanFieldValue(field, true);
    if (removed) onRemoved(removed, 'entered');
  };

  const options = { capture: true };
  doc.addEventListener('paste', onPaste, options);
  doc.addEventListener('beforeinput', onBeforeInput, options);
  doc.addEventListener('input', onInput, options);
  doc.addEventListener('compositionend', onCompositionEnd, options);
  return () => {
    doc.removeEventListener('paste', onPaste, options);
    doc.removeEventListener('beforeinput', onBeforeInput, options);
    doc.removeEventListener('input', onInput, options);
    doc.removeEventListener('compositionend', onCompositionEnd, options);
  };
}

/** The app's guard: installed once at start, telling the person with a notification. */
export function startTextGuard(doc: Document = document): () => void {
  return installTextGuard(doc, (removed, how) => {
    notifications.show({ color: 'orange', message: i18next.t(`textGuard.${how}`, { count: removed }), 'data-testid': 'text-guard-notice' });
  });
}
