/** Hindi UI text about phone numbers and the market they are read in (core/phone.ts). */
export const hiPhone = {
  phone: {
    /** Under a phone field: how the number typed will be stored. */
    savedAs: 'इस रूप में सहेजा जाएगा: {{number}}',
    /** Under a phone field: the number cannot be read; it is saved anyway. */
    keptAsTyped: 'यह नंबर जाँचें: यह {{countries}} का फ़ोन नंबर नहीं लगता, और इसमें देश कोड नहीं है। इसे जैसा लिखा है वैसा ही सहेजा जाएगा।',
    keptAsTypedNoCountry:
      'यह नंबर जाँचें: पढ़ने के लिए कोई देश नहीं है (रिकॉर्ड का, इवेंट का या सेटिंग्स में आपका बाज़ार), इसलिए केवल देश कोड वाला नंबर जाँचा जा सकता है, जैसे +44 20 7946 0958। इसे जैसा लिखा है वैसा ही सहेजा जाएगा।',
    /** Beside a stored number that could not be read (the mark says "check this number"). */
    notChecked: 'जैसा लिखा था वैसा रखा गया: Fieldbook इसे फ़ोन नंबर के रूप में नहीं पढ़ सका। इसे जाँचें और ठीक करें।',
  },
  market: {
    title: 'आपका बाज़ार',
    label: 'जिस देश में आप बेचते हैं',
    description:
      'जब क्लाइंट, लीड या सक्रिय इवेंट में कोई देश नहीं दिया गया हो, तो बिना देश कोड के लिखे फ़ोन नंबर इस देश के नंबर माने जाते हैं, और बिना देश वाले नए क्लाइंट को इसी देश की मुद्रा में बिल किया जाता है। यह इस लैपटॉप की सेटिंग है।',
    none: 'कोई बाज़ार नहीं',
    fromLanguage: 'जब तक आप नहीं चुनते, यह आपकी भाषा सेटिंग्स के अनुसार है: {{country}}',
    fromClients: 'जब तक आप नहीं चुनते, यह वह देश है जहाँ आपके सबसे ज़्यादा क्लाइंट हैं: {{country}}',
    noneFromLanguage: 'आपकी भाषा सेटिंग्स में कोई देश नहीं है।',
    saved: 'बाज़ार सेट किया गया: {{country}}',
    cleared: 'कोई बाज़ार नहीं: बिना देश कोड वाले नंबर केवल रिकॉर्ड या इवेंट के देश के अनुसार पढ़े जाते हैं।',
  },
};
