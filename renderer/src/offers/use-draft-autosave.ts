/**
 * A draft offer saves itself: shortly after the person stops typing, and before any lifecycle
 * step or leaving the page. Built at a client's desk, an offer must never depend on
 * remembering to press Save; a value that does not validate is not saved (it is marked in the
 * form) and the page warns before it is left behind.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { notifications } from '@mantine/notifications';
import type { UseFormReturn } from 'react-hook-form';
import type { Offer } from '../../../core/offers/offer-model';
import { saveOfferDraft } from '../data/offers/offers';
import { showOnce, useSaveFailedMessage } from '../clients/form-helpers';
import { offerFormSchema, toDraft, toFormValues, type OfferFormValues } from './offer-form';

export type SaveState = 'saved' | 'saving' | 'invalid' | 'failed';

const AUTOSAVE_DELAY_MS = 600;
const SAVE_FAILED = 'offer-save-failed';

/** What a draft says, without its price snapshots (saving re-prices; those are not edits). */
const contentOf = (values: OfferFormValues) => JSON.stringify({ ...toDraft(values), lines: toDraft(values).lines.map((l) => ({ ...l, pricing: null })) });

export interface Autosave {
  flush: () => Promise<boolean>;
  hasUnsaved: () => boolean;
  /** The save state, in a store of its own: only its readers re-render when it changes, not the editor. */
  store: StoreApi<{ state: SaveState }>;
}

export const useSaveState = (autosave: Autosave) => useStore(autosave.store, (s) => s.state);

export function useDraftAutosave(form: UseFormReturn<OfferFormValues>, offer: Offer): Autosave {
  const saveFailed = useSaveFailedMessage();
  const [store] = useState(() => createStore<{ state: SaveState }>(() => ({ state: 'saved' })));
  const setState = useCallback((state: SaveState) => store.setState({ state }), [store]);
  const saved = useRef(contentOf(toFormValues(offer)));
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editable = offer.status === 'draft';

  /** Saves what the form holds now, after any save in progress; true when nothing is left unsaved. */
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    const run = async () => {
      if (!editable) return true;
      const values = form.getValues();
      const parsed = offerFormSchema.safeParse(values);
      if (!parsed.success) {
        setState('invalid');
        void form.trigger();
        return false;
      }
      const content = contentOf(values);
      if (content === saved.current) {
        setState('saved');
        return true;
      }
      setState('saving');
      try {
        await saveOfferDraft(offer.id, toDraft(values));
        saved.current = content;
        notifications.hide(SAVE_FAILED);
        setState(contentOf(form.getValues()) === content ? 'saved' : 'saving');
        return true;
      } catch (e) {
        setState('failed');
        // One message, changed by the next failure: autosave retries on every change.
        showOnce(SAVE_FAILED, { color: 'red', autoClose: false, message: saveFailed(e) });
        return false;
      }
    };
    chain.current = chain.current.then(run, run);
    return chain.current;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saveFailed is a fresh closure each render; its text is all it adds
  }, [form, offer.id, editable, setState]);

  // Every change schedules a save; the subscription does not re-render the editor.
  useEffect(() => {
    if (!editable) return;
    const subscription = form.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, flush, editable]);

  // Leaving the page saves what is pending (a valid draft; an invalid one is guarded).
  useEffect(() => () => void flush(), [flush]);

  // A change that came from elsewhere (a sync, another window, a lifecycle step) replaces the
  // form's values when the form holds nothing unsaved; unsaved typing is never overwritten.
  useEffect(() => {
    const incoming = contentOf(toFormValues(offer));
    if (incoming !== saved.current && contentOf(form.getValues()) === saved.current) {
      saved.current = incoming;
      form.reset(toFormValues(offer));
    }
  }, [offer, form]);

  const hasUnsaved = useCallback(() => contentOf(form.getValues()) !== saved.current, [form]);
  return useMemo(() => ({ store, flush, hasUnsaved }), [store, flush, hasUnsaved]);
}
