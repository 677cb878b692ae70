import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyCapture } from '../../leads/capture-values';
import { captureDraftWritten, forgetCaptureDraftCache, keepCaptureDraft, keepSetAside, knownCaptureDraft, knownSetAside, readCaptureDraft, readSetAside } from './capture-draft';
import { FieldbookDb } from '../db';

const draft = (personName: string) => ({ values: { ...emptyCapture(), personName }, editing: null, photo: null, attachTo: null });

describe('the draft of the capture form', () => {
  const db = new FieldbookDb(`capture-draft-${Math.random()}`);
  afterEach(async () => {
    keepCaptureDraft(null, db);
    await captureDraftWritten();
    forgetCaptureDraftCache();
  });

  it('is there at once in the session, and after a reload from the database', async () => {
    expect(await readCaptureDraft(db)).toBeNull();
    keepCaptureDraft(draft('Jane'), db);
    expect(knownCaptureDraft()?.values.personName).toBe('Jane');
    await captureDraftWritten();
    forgetCaptureDraftCache();
    expect(knownCaptureDraft()).toBeUndefined();
    expect((await readCaptureDraft(db))?.values.personName).toBe('Jane');
  });

  it('keeps the newest of a burst of keystrokes, and is gone when the form is saved or cleared', async () => {
    for (const name of ['J', 'Ja', 'Jan', 'Jane']) keepCaptureDraft(draft(name), db);
    await captureDraftWritten();
    expect(((await db.meta.get('captureDraft'))?.value as ReturnType<typeof draft>).values.personName).toBe('Jane');
    keepCaptureDraft(null, db);
    await captureDraftWritten();
    expect(await db.meta.get('captureDraft')).toBeUndefined();
    forgetCaptureDraftCache();
    expect(await readCaptureDraft(db)).toBeNull();
  });

  it('keeps the leads set aside beside the form apart from the draft, after a reload too, until none is left', async () => {
    expect(await readSetAside(db)).toEqual([]);
    keepCaptureDraft(draft('Olga'), db);
    keepSetAside([{ ...draft('Piet'), id: 'a', name: 'Piet', reason: 'set aside' }, { ...draft('Ann'), id: 'b', name: 'Ann', reason: 'disk full' }], db);
    expect(knownSetAside()?.map((l) => l.name)).toEqual(['Piet', 'Ann']);
    await captureDraftWritten();
    forgetCaptureDraftCache();
    expect(knownSetAside()).toBeUndefined();
    expect((await readSetAside(db)).map((l) => [l.name, l.values.personName, l.reason])).toEqual([
      ['Piet', 'Piet', 'set aside'],
      ['Ann', 'Ann', 'disk full'],
    ]);
    expect((await readCaptureDraft(db))?.values.personName).toBe('Olga');
    keepSetAside([], db);
    await captureDraftWritten();
    expect(await db.meta.get('captureAside')).toBeUndefined();
    forgetCaptureDraftCache();
    expect(await readSetAside(db)).toEqual([]);
  });
});
