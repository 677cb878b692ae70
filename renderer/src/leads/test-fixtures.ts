/** Test data for the lead screens' unit tests (not used by the app). */
import type { Lead } from '../../../core/leads/lead-model';
import { emptyCapture } from './capture-values';

let seq = 0;

/** A stored lead with every field empty or default, the given ones set. */
export function testLead(fields: Partial<Lead> = {}): Lead {
  seq++;
  return {
    id: `lead-${seq}`,
    ...emptyCapture(),
    ownerId: 'u1',
    eventId: null,
    status: 'new',
    clientId: null,
    contactId: null,
    discardReason: '',
    capturedBy: 'u1',
    capturedAt: '2026-11-23T09:30:00.000Z',
    createdAt: '2026-11-23T09:30:00.000Z',
    updatedAt: '2026-11-23T09:30:00.000Z',
    ...fields,
  };
}
