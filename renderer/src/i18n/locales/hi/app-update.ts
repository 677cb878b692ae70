/** Hindi text of the browser build's "a new version is ready" notification (app/app-update.tsx). */
export const hiAppUpdate = {
  appUpdate: {
    title: 'Fieldbook का नया संस्करण तैयार है',
    text: 'इसका उपयोग शुरू करने के लिए फिर से लोड करें। आपने जो कुछ भी सहेजा है, वह इस लैपटॉप पर रहता है, चाहे सिंक हुआ हो या नहीं।',
    reload: 'फिर से लोड करें',
    saveFirst: 'पहले जो आप लिख रहे हैं उसे सहेजें या बंद करें: अभी फिर से लोड करने पर वह खो जाएगा।',
  },
};
