import { useMemo } from 'react';
import { Card, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, PSEUDO, formatLocale, type UiLanguage } from '../i18n/languages';
import { chooseFormat, chooseLanguage, systemLanguages, useLanguage } from '../i18n/language';

/** The formats offered besides the language's own: those of our markets, and the system's. */
const FORMAT_LOCALES = ['en-GB', 'en-US', 'en-IN', 'ru-RU', 'id-ID', 'ms-MY', 'hi-IN', 'hu-HU'];

/** "7 Dec 2026 · 1,234,567.5": what a format looks like, in its own digits and order. */
function example(locale: string): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(2026, 11, 7));
  return `${date} · ${new Intl.NumberFormat(locale).format(1234567.5)}`;
}

/**
 * The UI language (each named in itself) and the format of numbers and dates. Both take effect
 * at once: the screens re-render in place, nothing typed is lost.
 */
export function LanguageSettings() {
  const { t } = useTranslation();
  const { language, pickedFormat } = useLanguage();
  const system = useMemo(() => systemLanguages(), []);
  const own = formatLocale(language, '', system);
  const formats = useMemo(() => {
    const names = new Intl.DisplayNames([own], { type: 'language' });
    const tags = [...new Set([...FORMAT_LOCALES, own])].filter((tag) => tag !== own);
    return tags.map((tag) => ({ value: tag, label: `${names.of(tag) ?? tag}: ${example(tag)}` })).sort((a, b) => a.label.localeCompare(b.label, own));
  }, [own]);
  return (
    <Card withBorder mb="md" data-testid="language-settings">
      <Title order={5}>{t('settings.languageTitle')}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('settings.languageHint')}
      </Text>
      <Group align="flex-start" grow maw={860}>
        <NativeSelect
          label={t('settings.language')}
          data-testid="language-select"
          data={[
            ...LANGUAGES.map((l) => ({ value: l.code, label: l.name })),
            // Shown only while it is on (opened by ?lang=pseudo), so the select says what is.
            ...(language === PSEUDO ? [{ value: PSEUDO, label: 'Pseudo' }] : []),
          ]}
          value={language}
          onChange={(e) => void chooseLanguage(e.currentTarget.value as UiLanguage)}
        />
        <NativeSelect
          label={t('settings.locale')}
          description={t('settings.formatHint')}
          data-testid="format-select"
          data={[{ value: '', label: t('settings.formatAsLanguage', { example: example(own) }) }, ...formats]}
          value={pickedFormat}
          onChange={(e) => chooseFormat(e.currentTarget.value)}
        />
      </Group>
    </Card>
  );
}
