/** Parsing the accounting system's receivables export: amounts, delimiters, headers, bad rows. */
import { describe, expect, it } from 'vitest';
import { columnName, detectDelimiter } from './csv-table';
import { AdminInputError } from './input-error';
import { amountProblem, parseReceivablesCsv } from './receivables-csv';

const ID = '0b6f2c8e-4a43-4d8e-9f5e-3c2a1b0d9e8f';

describe('amountProblem: a plain decimal amount, whatever the currency', () => {
  it.each(['0', '1234.50', '1234.5', '1234,5', '1234', '0.01', '-80', '-0.00', '9999999999999.99', '12.345', '1,234', '0.1234'])('%s is an amount', (text) => {
    expect(amountProblem(text)).toBeNull();
  });

  it.each([
    ['12.34567', 'has more than 4 decimals'],
    ['', 'is empty'],
    ['1,234.50', 'is not an amount like 1234.50'],
    ['1 234', 'is not an amount like 1234.50'],
    ['+5', 'is not an amount like 1234.50'],
    ['.5', 'is not an amount like 1234.50'],
    ['5.', 'is not an amount like 1234.50'],
    ['1e3', 'is not an amount like 1234.50'],
    ['€5', 'is not an amount like 1234.50'],
    ['12345678901234', 'is not an amount like 1234.50'],
  ])('refuses %j: %s', (text, reason) => {
    expect(amountProblem(text)).toBe(reason);
  });
});

describe('reading the file', () => {
  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('client_id,balance,overdue\n1;2;3')).toBe(',');
    expect(detectDelimiter('\uFEFF\nclient_id;balance;"a,b,c"\n')).toBe(';');
    expect(detectDelimiter('client_id\tbalance\n')).toBe('\t');
    expect(detectDelimiter('client_id\n')).toBe(',');
  });

  it('matches header names loosely', () => {
    expect(['Client ID', ' client-id ', 'CLIENT_ID', 'Overdue  Days'].map(columnName)).toEqual(['client_id', 'client_id', 'client_id', 'overdue_days']);
  });

  it('keeps good rows, reports bad ones with their line, and names unused columns', () => {
    const csv = `client_id\tname\tbalance\toverdue\toverdue_days\n\n${ID}\t"Tab\tCo"\t10\t0\t0\n${ID}\tX\t1\t2\n`;
    const file = parseReceivablesCsv(csv, 'x.tsv');
    expect(file.delimiter).toBe('\t');
    expect(file.ignoredColumns).toEqual(['name']);
    expect(file.lines).toEqual([{ line: 3, key: { clientId: ID }, balance: '10', overdue: '0', overdueDays: 0, currency: null, asOf: null }]);
    expect(file.problems).toEqual([{ line: 4, reason: '4 values, but the header has 5 columns (does a value with a tab lack quotes?)' }]);
  });

  it('names a line holding a NUL or another control character instead of failing in the database', () => {
    const csv = `client_id,name,balance,overdue,overdue_days\n${ID},Nul\u0000Co,10,0,0\n${ID},Esc \u001b[0m,10,0,0\n${ID},Fine,10,0,0\n`;
    const file = parseReceivablesCsv(csv, 'x.csv');
    expect(file.lines.map((l) => l.line)).toEqual([4]);
    expect(file.problems).toEqual([
      { line: 2, reason: 'name contains an invisible control character (such as NUL)' },
      { line: 3, reason: 'name contains an invisible control character (such as NUL)' },
    ]);
  });

  it('refuses dates that do not exist, currencies that are not codes, more overdue than owed', () => {
    const file = parseReceivablesCsv(`client_id,balance,overdue,overdue_days,as_of,currency\n${ID},1,0,0,2026-02-30,euro\n${ID},100,200,5,,ZZZ\n${ID},100,60.5,5,,gbp\n`, 'x.csv');
    expect(file.problems).toEqual([
      { line: 2, reason: 'currency "euro" is not a currency code like GBP or EUR' },
      { line: 2, reason: 'as_of "2026-02-30" is not a date like 2026-11-23' },
      { line: 3, reason: 'overdue "200" is more than the balance "100"' },
      { line: 3, reason: 'currency "ZZZ" is not a currency code like GBP or EUR' },
    ]);
    expect(file.lines).toMatchObject([{ line: 4, currency: 'GBP' }]);
  });

  it('throws for a file that is unusable as a whole', () => {
    expect(() => parseReceivablesCsv('  \n', 'x.csv')).toThrow(AdminInputError);
    expect(() => parseReceivablesCsv('tax_id,balance\n', 'x.csv')).toThrow(/the header lacks overdue, overdue_days/);
  });
});
