/** How a lead looks wherever it is listed or opened: its name in a few words and its badge colours. */
import type { Lead, LeadStatus, Rating } from '../../../core/leads/lead-model';
import { formatPhone } from '../i18n/format';

export const RATING_COLORS: Record<Rating, string> = { hot: 'red', warm: 'orange', cold: 'blue' };
export const STATUS_COLORS: Record<LeadStatus, string> = { new: 'gray', attached: 'teal', converted: 'green', discarded: 'dark' };

/** Who a lead is, in a few words: the person, or else the company, email, phone (as shown everywhere). */
export function leadWho(lead: Pick<Lead, 'personName' | 'companyName' | 'email' | 'phone'>): string {
  return lead.personName || lead.companyName || lead.email || formatPhone(lead.phone);
}
