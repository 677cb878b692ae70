/**
 * Which currency a new client is billed in, by default: the currency of its country (the address
 * country), else of the manager's market — as long as the company has price lists in it, since
 * offers are priced in the client's currency and never converted (a client in EUR, with no EUR
 * prices, gets offers whose every line says "No price in EUR").
 *
 * The table gives each country its everyday legal tender (ISO 3166-1 alpha-2 → ISO 4217). Where a
 * country uses two (Panama, Zimbabwe), the one businesses invoice in (Bulgaria: the euro since 2026); territories use their
 * state's. Intl has no such table, and the npm packages that do are a few hundred bytes of the
 * same data with a history of republished versions: this one is reviewed here.
 */

/** Currency → the countries whose currency it is. */
const COUNTRIES_BY_CURRENCY: Readonly<Record<string, string>> = {
  EUR: 'AD AT AX BE BG BL CY DE EE ES FI FR GF GP GR HR IE IT LT LU LV MC ME MF MQ MT NL PM PT RE SI SK SM TF VA XK YT',
  USD: 'AS BQ EC FM GU IO MH MP PA PR PW SV TC TL UM US VG VI ZW',
  GBP: 'GB GG GS IM JE',
  AUD: 'AU CC CX HM KI NF NR TV',
  NZD: 'CK NU NZ PN TK',
  DKK: 'DK FO GL',
  NOK: 'BV NO SJ',
  CHF: 'CH LI',
  XOF: 'BF BJ CI GW ML NE SN TG',
  XAF: 'CF CG CM GA GQ TD',
  XCD: 'AG AI DM GD KN LC MS VC',
  XPF: 'NC PF WF',
  MAD: 'EH MA',
  XCG: 'CW SX',
  SHP: 'AC SH TA',
};

/** Every other country, with the currency only it uses (mostly its own). */
const SINGLE: Readonly<Record<string, string>> = {
  AE: 'AED', AF: 'AFN', AL: 'ALL', AM: 'AMD', AO: 'AOA', AR: 'ARS', AW: 'AWG', AZ: 'AZN', BA: 'BAM', BB: 'BBD',
  BD: 'BDT', BH: 'BHD', BI: 'BIF', BM: 'BMD', BN: 'BND', BO: 'BOB', BR: 'BRL', BS: 'BSD', BT: 'BTN', BW: 'BWP',
  BY: 'BYN', BZ: 'BZD', CA: 'CAD', CD: 'CDF', CL: 'CLP', CN: 'CNY', CO: 'COP', CR: 'CRC', CU: 'CUP', CV: 'CVE',
  CZ: 'CZK', DJ: 'DJF', DO: 'DOP', DZ: 'DZD', EG: 'EGP', ER: 'ERN', ET: 'ETB', FJ: 'FJD', FK: 'FKP', GE: 'GEL',
  GH: 'GHS', GI: 'GIP', GM: 'GMD', GN: 'GNF', GT: 'GTQ', GY: 'GYD', HK: 'HKD', HN: 'HNL', HT: 'HTG', HU: 'HUF',
  ID: 'IDR', IL: 'ILS', IN: 'INR', IQ: 'IQD', IR: 'IRR', IS: 'ISK', JM: 'JMD', JO: 'JOD', JP: 'JPY', KE: 'KES', KG: 'KGS',
  KH: 'KHR', KM: 'KMF', KP: 'KPW', KR: 'KRW', KW: 'KWD', KY: 'KYD', KZ: 'KZT', LA: 'LAK', LB: 'LBP', LK: 'LKR',
  LR: 'LRD', LS: 'LSL', LY: 'LYD', MD: 'MDL', MG: 'MGA', MK: 'MKD', MM: 'MMK', MN: 'MNT', MO: 'MOP', MR: 'MRU', MU: 'MUR',
  MV: 'MVR', MW: 'MWK', MX: 'MXN', MY: 'MYR', MZ: 'MZN', NA: 'NAD', NG: 'NGN', NI: 'NIO', NP: 'NPR', OM: 'OMR', PE: 'PEN',
  PG: 'PGK', PH: 'PHP', PK: 'PKR', PL: 'PLN', PS: 'ILS', PY: 'PYG', QA: 'QAR', RO: 'RON', RS: 'RSD', RU: 'RUB',
  RW: 'RWF', SA: 'SAR', SB: 'SBD', SC: 'SCR', SD: 'SDG', SE: 'SEK', SG: 'SGD', SL: 'SLE', SO: 'SOS',
  SR: 'SRD', SS: 'SSP', ST: 'STN', SY: 'SYP', SZ: 'SZL', TH: 'THB', TJ: 'TJS', TM: 'TMT', TN: 'TND', TO: 'TOP',
  TR: 'TRY', TT: 'TTD', TW: 'TWD', TZ: 'TZS', UA: 'UAH', UG: 'UGX', UY: 'UYU', UZ: 'UZS', VE: 'VES', VN: 'VND',
  VU: 'VUV', WS: 'WST', YE: 'YER', ZA: 'ZAR', ZM: 'ZMW',
};

const CURRENCY_OF: ReadonlyMap<string, string> = new Map([
  ...Object.entries(COUNTRIES_BY_CURRENCY).flatMap(([currency, countries]) => countries.split(' ').map((c) => [c, currency] as const)),
  ...Object.entries(SINGLE),
]);

/** The currency of a country (ISO 3166-1 alpha-2, any case), or null for none we know. */
export function currencyOfCountry(country: string | null | undefined): string | null {
  return country ? (CURRENCY_OF.get(country.trim().toUpperCase()) ?? null) : null;
}

/** Where the default comes from, for the form to say so. */
export type CurrencySource = 'country' | 'market' | 'company' | 'none';

export interface CurrencyDefault {
  currency: string;
  source: CurrencySource;
}

/** The currency of last resort: a laptop that knows neither a country nor any price list. */
export const FALLBACK_CURRENCY = 'EUR';

/**
 * The currency a new client gets: its country's, else the manager's market's — whichever the
 * company has price lists in (`priced`, the company's main currency first). A country whose
 * currency the company does not price in gets the market's, else the company's main one. With
 * no price lists known (before the first sync) the country's or market's currency is taken as
 * it is.
 */
export function defaultClientCurrency(input: { country?: string | null; market?: string | null; priced: readonly string[] }): CurrencyDefault {
  const candidates = [
    { currency: currencyOfCountry(input.country), source: 'country' as const },
    { currency: currencyOfCountry(input.market), source: 'market' as const },
  ].filter((c): c is { currency: string; source: 'country' | 'market' } => c.currency !== null);
  if (input.priced.length === 0) return candidates[0] ?? { currency: FALLBACK_CURRENCY, source: 'none' };
  const priced = candidates.find((c) => input.priced.includes(c.currency));
  return priced ?? { currency: input.priced[0]!, source: 'company' };
}
