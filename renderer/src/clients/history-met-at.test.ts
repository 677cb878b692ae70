/** The card's history names the event a client or contact was met at, never its id. */
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { changeText } from './history-text';

const t = initI18n('en').getFixedT('en');
const people = new Map<string, string>();
const BUILD_FAIR = '7f0c2a7e-1d3b-4c5e-9f60-2b1a3c4d5e6f';
const PUMP_EXPO = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
const events = new Map([
  [BUILD_FAIR, 'Build Fair 2026'],
  [PUMP_EXPO, 'Pump Expo'],
]);

describe('the event a client came from, in the card’s history', () => {
  it('says "Met at" with the event’s name', () => {
    expect(changeText({ field: 'eventId', from: null, to: BUILD_FAIR }, t, people, events)).toBe('Met at Build Fair 2026');
    expect(changeText({ field: 'eventId', from: BUILD_FAIR, to: PUMP_EXPO }, t, people, events)).toBe('Met at Pump Expo (was Build Fair 2026)');
    expect(changeText({ field: 'eventId', from: BUILD_FAIR, to: null }, t, people, events)).toBe('Met at: no event now (was Build Fair 2026)');
    // A conflict's resolution: the value kept.
    expect(changeText({ field: 'eventId', to: PUMP_EXPO }, t, people, events)).toBe('Met at Pump Expo');
  });

  it('says an event this laptop does not have is one, never its id', () => {
    const text = changeText({ field: 'eventId', from: null, to: '11111111-2222-4333-8444-555555555555' }, t, people, events);
    expect(text).toBe('Met at an event not on this laptop');
    expect(changeText({ field: 'eventId', from: null, to: BUILD_FAIR }, t, people)).toBe('Met at an event not on this laptop');
  });
});
