/**
 * Whether reloading the window now would lose something the person typed. Asked before the app
 * reloads for a reason of its own (a new version is ready, app-update.tsx); a reload the person
 * starts (F5, closing the tab) meets the same guards through the browser's "Leave site?".
 */

/** Forms the person has typed into since they appeared. */
const typedForms = new WeakSet<HTMLFormElement>();
let watching = false;

/** Starts noting which forms the person types into. Once, at the app's start. */
export function watchTyping(): void {
  if (watching) return;
  watching = true;
  // Capture phase: every field's input, whatever the component does with the event.
  document.addEventListener(
    'input',
    (e) => {
      const form = e.target instanceof Element ? e.target.closest('form') : null;
      if (form) typedForms.add(form);
    },
    true,
  );
}

const TEXT_TYPES = new Set(['text', 'email', 'tel', 'url', 'search', 'number', 'password']);

/** A field the person types text into (a Select's read-only box shows a choice, not typing). */
function holdsTypedText(field: Element): boolean {
  if (field instanceof HTMLTextAreaElement) return !field.readOnly && field.value.trim() !== '';
  return field instanceof HTMLInputElement && TEXT_TYPES.has(field.type) && !field.readOnly && field.value.trim() !== '';
}

/**
 * Marks a form that keeps what is typed in it on the laptop as it is typed (the lead capture
 * form's draft, data/leads/capture-draft.ts): a reload loses nothing of it, so it never holds one up.
 */
export const KEPT_AS_TYPED = 'data-kept-as-typed';

/**
 * A form on screen that the person typed into and that still holds text, unless it keeps what
 * is typed itself (`KEPT_AS_TYPED`). Such a form has no unsaved-changes guard (the capture form is
 * emptied by "Save and next", often with Ctrl+Enter, so no submit event says when it was saved):
 * its text is the sign.
 */
function typedFormOnScreen(): boolean {
  for (const form of Array.from(document.forms)) {
    if (form.hasAttribute(KEPT_AS_TYPED)) continue;
    if (typedForms.has(form) && Array.from(form.querySelectorAll('input, textarea')).some(holdsTypedText)) return true;
  }
  return false;
}

/**
 * Whether one of the app's unsaved-changes guards objects to leaving: an edited client, contact
 * or event form, a lead kept beside the capture form after a failed save, an offer that could
 * not be saved (clients/unsaved-changes.tsx). They listen for `beforeunload`; a made-up event
 * asks them without leaving. (The sync's quit warning ignores it: unsynced changes stay on the
 * laptop through a reload.)
 */
function aGuardObjects(): boolean {
  const probe = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(probe);
  return probe.defaultPrevented;
}

export function hasUnsavedWork(): boolean {
  return typedFormOnScreen() || aGuardObjects();
}
