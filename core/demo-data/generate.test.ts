import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientInputSchema, contactFieldsSchema, contactInputSchema, type Client, type Contact } from '../client-model';
import { isCheckedPhone } from '../phone';
import { CONTACTS_PER_CLIENT, DEMO_AS_OF, DEMO_LOCALES, contactCountOf, countDemoContacts, generateClientBatch, generateDemoClient } from './generate';
import { demoTeam } from './index';
import { Rng } from './prng';
import { gstinCheck } from './tax-ids';

const SEED = 20260301;
const sample = generateClientBatch({ seed: SEED, start: 0, count: 4000 });
const contactsOf = new Map<string, Contact[]>();
for (const c of sample.contacts) contactsOf.set(c.clientId, [...(contactsOf.get(c.clientId) ?? []), c]);
const CYRILLIC = /\p{Script=Cyrillic}/u;
const DEVANAGARI = /\p{Script=Devanagari}/u;

describe('generateClientBatch', () => {
  it('gives the same records whatever the batch boundaries', () => {
    const whole = generateClientBatch({ seed: SEED, start: 0, count: 100 });
    const clients: Client[] = [];
    const contacts: Contact[] = [];
    for (let start = 0; start < 100; start += 7) {
      const part = generateClientBatch({ seed: SEED, start, count: Math.min(7, 100 - start) });
      clients.push(...part.clients);
      contacts.push(...part.contacts);
    }
    expect(clients).toEqual(whole.clients);
    expect(contacts).toEqual(whole.contacts);
    expect(generateDemoClient(SEED, 42).client).toEqual(whole.clients[42]);
    expect(whole.clients.slice(0, 100)).toEqual(sample.clients.slice(0, 100));
  });

  it('gives another base for another seed', () => {
    const other = generateClientBatch({ seed: SEED + 1, start: 0, count: 20 });
    expect(other.clients.map((c) => c.id)).not.toEqual(sample.clients.slice(0, 20).map((c) => c.id));
    expect(other.clients.map((c) => c.name)).not.toEqual(sample.clients.slice(0, 20).map((c) => c.name));
  });

  it('returns clients start … start + count - 1 and only their contacts', () => {
    const part = generateClientBatch({ seed: SEED, start: 1234, count: 5 });
    expect(part.clients).toEqual(sample.clients.slice(1234, 1239));
    const ids = new Set(part.clients.map((c) => c.id));
    expect(part.contacts.every((c) => ids.has(c.clientId))).toBe(true);
    expect(generateClientBatch({ seed: SEED, start: 10, count: 0 })).toEqual({ clients: [], contacts: [] });
    expect(() => generateClientBatch({ seed: SEED, start: -1, count: 1 })).toThrow(RangeError);
  });

  it('makes every client and contact valid against the record schemas', () => {
    // Problems are collected rather than asserted one by one: a few thousand records, one report.
    const problems: string[] = [];
    const uuid = z.uuid();
    const contactSchemas = new Map<string, ReturnType<typeof contactInputSchema>>();
    for (const client of sample.clients) {
      const parsed = clientInputSchema.safeParse(client);
      if (!parsed.success) problems.push(`${client.name}: ${JSON.stringify(parsed.error.issues)}`);
      if (!uuid.safeParse(client.id).success) problems.push(`client id ${client.id}`);
      if (!Number.isSafeInteger(client.creditLimit) || client.creditLimit < 0) problems.push(`${client.name}: credit limit`);
      if (!(client.createdAt <= client.updatedAt && client.updatedAt <= DEMO_AS_OF)) problems.push(`${client.name}: timestamps`);
      if (client.archivedAt !== null) problems.push(`${client.name}: archived`);
      const country = client.addresses[0]!.country;
      let schema = contactSchemas.get(country);
      if (!schema) contactSchemas.set(country, (schema = contactInputSchema([country])));
      for (const contact of contactsOf.get(client.id) ?? []) {
        const input = schema.safeParse(contact);
        if (!input.success) problems.push(`${contact.name}: ${JSON.stringify(input.error.issues)}`);
        // Already normalised: parsing changes nothing, as for a record saved through the form.
        else if (JSON.stringify(input.data.phones) !== JSON.stringify(contact.phones)) problems.push(`${contact.name}: phones not E.164`);
        if (!contactFieldsSchema.safeParse(contact).success) problems.push(`${contact.name}: stored fields`);
        if (!uuid.safeParse(contact.id).success) problems.push(`contact id ${contact.id}`);
        if (!(contact.createdAt >= client.createdAt && contact.updatedAt <= DEMO_AS_OF)) problems.push(`${contact.name}: timestamps`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('writes valid E.164 numbers that match the client country', () => {
    const problems: string[] = [];
    let count = 0;
    for (const client of sample.clients) {
      for (const contact of contactsOf.get(client.id) ?? []) {
        for (const phone of contact.phones) {
          if (!isCheckedPhone(phone.number)) problems.push(phone.number);
          count++;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(sample.contacts.length);
  }, 60_000);

  it('draws from phone ranges that are all valid, whatever the random digits', () => {
    // Numbers are built from these prefixes without libphonenumber in the hot path, so every
    // prefix is checked here with many random subscriber numbers.
    const rng = new Rng(7);
    const problems: string[] = [];
    for (const [loc] of DEMO_LOCALES) {
      const ranges = [...loc.mobiles, ...loc.cities.flatMap((c) => c.landlines)];
      for (const r of ranges) {
        for (let i = 0; i < 60; i++) {
          const number = `+${loc.callingCode}${r.prefix}${rng.digits(r.length - r.prefix.length)}`;
          if (!isCheckedPhone(number)) problems.push(`${loc.tag} ${r.prefix}: ${number}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('covers all six languages, in their own scripts', () => {
    const countries = new Set(sample.clients.map((c) => c.addresses[0]!.country));
    expect([...countries].sort()).toEqual(['GB', 'HU', 'ID', 'IN', 'MY', 'RU', 'US']);
    const names = sample.clients.map((c) => c.name);
    const people = sample.contacts.map((c) => c.name);
    expect(names.some((n) => CYRILLIC.test(n))).toBe(true);
    expect(people.some((n) => CYRILLIC.test(n))).toBe(true);
    expect(names.some((n) => DEVANAGARI.test(n))).toBe(true);
    expect(people.some((n) => DEVANAGARI.test(n))).toBe(true);
    expect(names.some((n) => /[áéíóöőúüű]/i.test(n) && / (Kft|Zrt|Bt)$/.test(n))).toBe(true);
    expect(people.some((n) => /^(Kovács|Szabó|Tóth) /.test(n))).toBe(true);
    expect(sample.clients.some((c) => /^(PT|CV) /.test(c.legalName))).toBe(true);
    expect(sample.clients.some((c) => / Sdn Bhd$/.test(c.legalName))).toBe(true);
    expect(sample.clients.some((c) => / Pvt Ltd$/.test(c.legalName))).toBe(true);
    expect(sample.clients.some((c) => /^(ООО|АО) «/.test(c.legalName))).toBe(true);
    expect(sample.clients.some((c) => DEVANAGARI.test(c.addresses[0]!.city))).toBe(true);
    // Email addresses are ASCII even for Cyrillic and Devanagari names.
    expect(sample.contacts.flatMap((c) => c.emails).every((e) => /^[\x21-\x7e]+$/.test(e.address))).toBe(true);
  });

  it('uses each country’s currency, language and real check digits in tax ids', () => {
    const currency: Record<string, string> = { GB: 'GBP', US: 'USD', RU: 'RUB', ID: 'IDR', MY: 'MYR', IN: 'INR', HU: 'HUF' };
    const language: Record<string, string> = { GB: 'en', US: 'en', RU: 'ru', ID: 'id', MY: 'ms', IN: 'hi', HU: 'hu' };
    for (const c of sample.clients) {
      const country = c.addresses[0]!.country;
      expect(c.currency).toBe(currency[country]);
      expect(c.language).toBe(language[country]);
      if (c.receivables) expect(c.receivables.currency).toBe(c.currency);
      if (!c.taxId) continue;
      if (country === 'RU') {
        expect(c.taxId).toMatch(/^\d{10}$/);
        const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        const sum = w.reduce((s, k, i) => s + k * Number(c.taxId[i]), 0);
        expect(Number(c.taxId[9])).toBe((sum % 11) % 10);
      }
      if (country === 'IN') {
        expect(c.taxId).toMatch(/^\d{2}[A-Z]{5}\d{4}[A-Z]1Z[0-9A-Z]$/);
        expect(c.taxId[14]).toBe(gstinCheck(c.taxId.slice(0, 14)));
      }
      if (country === 'HU') expect(c.taxId).toMatch(/^\d{8}-2-\d{2}$/);
    }
    // A published GSTIN, to pin the check-character algorithm to the real one.
    expect(gstinCheck('27AAPFU0939F1Z')).toBe('V');
  });

  it('has mostly active and prospect clients, and some of every status', () => {
    const by = new Map<string, number>();
    for (const c of sample.clients) by.set(c.status, (by.get(c.status) ?? 0) + 1);
    expect((by.get('active')! + by.get('prospect')!) / sample.clients.length).toBeGreaterThan(0.5);
    for (const s of ['lead', 'key', 'dormant', 'lost']) expect(by.get(s)).toBeGreaterThan(40);
    expect(sample.clients.some((c) => c.receivables && c.receivables.overdue > 0)).toBe(true);
  });

  it('averages 2.5 contacts per client, and says how many in advance', () => {
    expect(CONTACTS_PER_CLIENT).toBe(2.5);
    expect(sample.contacts.length).toBe(10_000);
    expect(countDemoContacts({ seed: SEED, start: 0, count: 100_000 })).toBe(250_000);
    for (const [start, count] of [[0, 4000], [3, 17], [1999, 61], [77, 1]] as const) {
      expect(countDemoContacts({ seed: SEED, start, count })).toBe(generateClientBatch({ seed: SEED, start, count }).contacts.length);
    }
    const counts = new Set(sample.clients.map((_, i) => contactCountOf(SEED, i)));
    expect([...counts].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives every record its own id', () => {
    const big = generateClientBatch({ seed: SEED, start: 0, count: 20_000 });
    expect(new Set(big.clients.map((c) => c.id)).size).toBe(20_000);
    expect(new Set(big.contacts.map((c) => c.id)).size).toBe(big.contacts.length);
  }, 60_000);
});

describe('demoTeam', () => {
  it('has a head of sales and managers who own the clients', () => {
    const team = demoTeam();
    expect(team.filter((m) => m.role === 'head_of_sales')).toHaveLength(1);
    expect(team.filter((m) => m.role === 'manager').length).toBeGreaterThanOrEqual(5);
    expect(team.every((m) => z.uuid().safeParse(m.id).success)).toBe(true);
    expect(team.some((m) => CYRILLIC.test(m.name))).toBe(true);
    const ids = new Set(team.map((m) => m.id));
    expect(ids.size).toBe(team.length);
    const owners = new Set(sample.clients.map((c) => c.ownerId));
    expect([...owners].every((o) => ids.has(o))).toBe(true);
    expect(owners.size).toBe(team.length);
  });
});
