/**
 * Hindi texts of the record-keeping screens: colleagues who left, the trash, deleting and
 * restoring records.
 */
export const hiRecords = {
  team: {
    /** A colleague who left the company (their account is disabled), wherever their name shows. */
    left: '{{name}} (कंपनी छोड़ चुके)',
    leftHint: 'कंपनी छोड़ चुके हैं: उनके क्लाइंट किसी सहकर्मी को सौंपें।',
  },
  trash: {
    title: 'ट्रैश',
    intro: 'हटाए गए क्लाइंट, संपर्क, लीड और ऑफ़र यहाँ रहते हैं, चाहे किसी ने भी और किसी भी लैपटॉप पर हटाए हों। किसी को वापस लाने पर वह हर जगह वापस आ जाता है।',
    empty: 'ट्रैश खाली है।',
    emptyHint: 'आप जो हटाते हैं वह यहाँ आता है, और आप उसे वापस ला सकते हैं।',
    count_one: '{{count}} हटाया गया रिकॉर्ड',
    count_other: '{{count}} हटाए गए रिकॉर्ड',
    colWhat: 'क्या',
    colName: 'नाम',
    colDeletedBy: 'किसने हटाया',
    colWhen: 'कब',
    restore: 'वापस लाएँ',
    restoreNamed: '{{name}} को वापस लाएँ',
    restored: '{{name}} को वापस लाया गया।',
    you: 'आप',
    company: 'कंपनी',
    unknown: 'कोई',
    kind: { clients: 'क्लाइंट', contacts: 'संपर्क', leads: 'लीड', offers: 'ऑफ़र' },
    ofClient: 'क्लाइंट: {{client}}',
    clientInTrash: 'इसका क्लाइंट ट्रैश में है: पहले क्लाइंट को वापस लाएँ।',
    offerName: '{{number}} (संस्करण {{version}})',
    lead: { noName: 'बिना नाम की लीड' },
    /** The Delete action and its question, per kind of record. */
    delete: 'हटाएँ',
    deleteNamed: '{{name}} को हटाएँ',
    confirmTitle: {
      clients: 'क्लाइंट “{{name}}” को हटाएँ?',
      contacts: 'संपर्क “{{name}}” को हटाएँ?',
      leads: 'लीड “{{name}}” को हटाएँ?',
      offers: 'ऑफ़र {{name}} को हटाएँ?',
    },
    confirmText: {
      clients: 'क्लाइंट ट्रैश में चला जाएगा, अगले सिंक पर हर लैपटॉप पर; उसके संपर्क, ऑफ़र और गतिविधियाँ भी उसके साथ जाएँगी। आप उसे इन सबके साथ ट्रैश से वापस ला सकते हैं। जिस क्लाइंट के साथ अब काम नहीं करते, उसे रखना हो तो उसे आर्काइव करें।',
      contacts: 'संपर्क ट्रैश में चला जाएगा, अगले सिंक पर हर लैपटॉप पर। आप उसे ट्रैश से वापस ला सकते हैं।',
      leads: 'लीड ट्रैश में चली जाएगी, अगले सिंक पर हर लैपटॉप पर; उसके फ़ॉलो-अप कार्य भी उसके साथ छिप जाएँगे। आप उसे ट्रैश से वापस ला सकते हैं।',
      offers: 'ऑफ़र ट्रैश में चला जाएगा, अगले सिंक पर हर लैपटॉप पर। आप उसे ट्रैश से वापस ला सकते हैं।',
    },
    deleted: '{{name}} ट्रैश में है।',
    openTrash: 'ट्रैश खोलें',
  },
};
