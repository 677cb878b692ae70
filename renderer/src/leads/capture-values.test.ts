import { describe, expect, it } from 'vitest';
import { emptyCard } from '../../../core/leads/vcard';
import type { ScannedCard } from '../../../core/leads/scan-payload';
import { emptyCapture, isBlankCapture, mergeCard, worthKeeping, type CaptureValues } from './capture-values';

describe('whether the capture form holds anything', () => {
  it('is blank when empty, also with questions left unanswered', () => {
    expect(isBlankCapture(emptyCapture())).toBe(true);
    expect(isBlankCapture({ ...emptyCapture(), answers: { budget: '', groups: [] } })).toBe(true);
  });

  it('is not blank with one thing typed or chosen', () => {
    expect(isBlankCapture({ ...emptyCapture(), notes: 'x' })).toBe(false);
    expect(isBlankCapture({ ...emptyCapture(), rating: 'hot' })).toBe(false);
    expect(isBlankCapture({ ...emptyCapture(), interests: ['pumps'] })).toBe(false);
    expect(isBlankCapture({ ...emptyCapture(), answers: { decides: false } })).toBe(false);
  });
});

const card = (fields: Partial<ScannedCard>): ScannedCard => ({ ...emptyCard(), ...fields });
const label = (e: { name: string }) => e.name;
const line = (field: string, value: string) => `From the card: ${field}: ${value}`;

describe('a card into a form the person typed in', () => {
  const jane = card({
    personName: 'Jane Smith',
    companyName: 'Acme Ltd',
    position: 'Buyer',
    city: 'Leeds',
    country: 'United Kingdom',
    phones: [{ kind: 'work', label: '', number: '+44 113 496 0000' }, { kind: 'mobile', label: '', number: '+44 7700 900123' }],
    emails: ['jane@acme.example'],
    websites: ['https://acme.example'],
  });

  it('fills every field of an empty form', () => {
    const { values, kept } = mergeCard(emptyCapture(), jane, label, line);
    expect(kept).toEqual([]);
    expect(values).toMatchObject({ personName: 'Jane Smith', companyName: 'Acme Ltd', position: 'Buyer', city: 'Leeds', country: 'GB', phone: '+44 113 496 0000', phoneKind: 'work', email: 'jane@acme.example', notes: '' });
    expect(values.otherPhones).toEqual([{ kind: 'mobile', label: '', number: '+44 7700 900123' }]);
    expect(values.websites).toEqual(['https://acme.example']);
  });

  it('keeps a typed value the card contradicts, with the card\'s value in the notes, and fills only the empty fields', () => {
    const typed: CaptureValues = { ...emptyCapture(), personName: 'Janet Smyth', notes: 'Wants pumps' };
    const { values, kept } = mergeCard(typed, jane, label, line);
    expect(kept).toEqual(['personName']);
    expect(values.personName).toBe('Janet Smyth');
    expect(values.companyName).toBe('Acme Ltd');
    expect(values.notes).toBe('Wants pumps\nFrom the card: personName: Jane Smith');
  });

  it('takes a typed value that says the same as the card\'s as agreeing (case, spaces, a phone\'s punctuation)', () => {
    const typed: CaptureValues = { ...emptyCapture(), personName: 'jane  smith', phone: '+44 (113) 4960000', email: 'Jane@Acme.example' };
    const { values, kept } = mergeCard(typed, jane, label, line);
    expect(kept).toEqual([]);
    expect(values.personName).toBe('jane  smith');
    expect(values.notes).toBe('');
  });

  it('keeps a typed phone, email and country, the card\'s in the notes in the form\'s order; adds its lists to the typed ones', () => {
    const typed: CaptureValues = { ...emptyCapture(), phone: '+49 30 1234567', email: 'j@else.example', country: 'DE', websites: ['https://typed.example'] };
    const { values, kept } = mergeCard(typed, jane, label, line);
    expect(kept).toEqual(['phone', 'email', 'country']);
    expect(values).toMatchObject({ phone: '+49 30 1234567', phoneKind: '', email: 'j@else.example', country: 'DE' });
    expect(values.notes.split('\n')).toEqual(['From the card: phone: +44 113 496 0000', 'From the card: email: jane@acme.example', 'From the card: country: GB']);
    expect(values.websites).toEqual(['https://typed.example', 'https://acme.example']);
  });

  it('completes a value the card\'s begins with (the person had started typing it)', () => {
    const { values, kept } = mergeCard({ ...emptyCapture(), personName: 'Jan', companyName: 'acme' }, jane, label, line);
    expect(kept).toEqual([]);
    expect(values).toMatchObject({ personName: 'Jane Smith', companyName: 'Acme Ltd', notes: '' });
  });

  it('adds a line the notes have already only once (the same card twice)', () => {
    const typed: CaptureValues = { ...emptyCapture(), personName: 'Janet' };
    const once = mergeCard(typed, jane, label, line).values;
    const twice = mergeCard(once, jane, label, line);
    expect(twice.values.notes).toBe(once.notes);
    expect(twice.values.otherPhones).toEqual(once.otherPhones);
  });
});

describe('what the capture form keeps as a draft when the person leaves', () => {
  it('nothing for an empty form, something for anything typed or a card photo', () => {
    expect(worthKeeping(emptyCapture(), false, null)).toBe(false);
    expect(worthKeeping({ ...emptyCapture(), answers: { budget: '' } }, false, null)).toBe(false);
    expect(worthKeeping({ ...emptyCapture(), notes: 'x' }, false, null)).toBe(true);
    expect(worthKeeping(emptyCapture(), true, null)).toBe(true);
  });

  it('a lead opened for correcting only once something in it changed', () => {
    const opened: CaptureValues = { ...emptyCapture(), personName: 'Jane', answers: { size: 'big' } };
    expect(worthKeeping({ ...opened, answers: { size: 'big', other: '' } }, false, opened)).toBe(false);
    expect(worthKeeping({ ...opened, notes: 'called back' }, false, opened)).toBe(true);
    expect(worthKeeping({ ...opened, answers: {} }, false, opened)).toBe(true);
  });
});
