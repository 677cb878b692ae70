/** English UI text about phone numbers and the market they are read in (core/phone.ts). */
export const enPhone = {
  phone: {
    /** Under a phone field: how the number typed will be stored. */
    savedAs: 'Saved as {{number}}',
    /** Under a phone field: the number cannot be read; it is saved anyway. */
    keptAsTyped: 'Check this number: it does not look like a phone number of {{countries}}, and it has no country code. It will be saved as typed.',
    keptAsTypedNoCountry:
      'Check this number: with no country to read it in (the record’s, the event’s or your market in Settings), only a number with its country code, such as +44 20 7946 0958, can be checked. It will be saved as typed.',
    /** Beside a stored number that could not be read (the mark says "check this number"). */
    notChecked: 'Kept as typed: this is not a phone number Fieldbook could read. Check it and correct it.',
  },
  market: {
    title: 'Your market',
    label: 'Country you sell in',
    description:
      'Phone numbers typed without a country code are read as numbers of this country when the client, the lead or the active event names none, and a new client with no country is billed in its currency. A setting of this laptop.',
    none: 'No market',
    fromLanguage: 'Until you choose, it follows your language settings: {{country}}.',
    fromClients: 'Until you choose, it is where most of your clients are: {{country}}.',
    noneFromLanguage: 'Your language settings name no country.',
    saved: 'Market set to {{country}}.',
    cleared: 'No market: numbers without a country code are read only by the record’s or event’s country.',
  },
};
