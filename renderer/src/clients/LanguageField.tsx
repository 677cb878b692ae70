import { Select } from '@mantine/core';
import { useController, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { clientCountry, clientLanguage, type clientInputSchema } from '../../../core/client-model';
import { LANGUAGES, isLanguageCode, languageName } from '../../../core/languages';
import { formatCountry } from '../i18n/format';
import { useUiLanguage } from '../i18n/language';

type Values = z.input<typeof clientInputSchema>;
type Output = z.output<typeof clientInputSchema>;

/**
 * The language the client's offers are printed in, each language named in itself. Until the
 * person picks one (a new client, or one stored before the field existed) the field holds ''
 * and shows what that means: the language of the client's country, or the manager's own while
 * the client has no country (core/client-model.ts `clientLanguage`); saving leaves it so, and a
 * new client is stored with it (data/clients/commands.ts). A language this version does not
 * speak (chosen on a newer laptop) is shown by its code and kept.
 */
export function LanguageField({ control }: { control: Control<Values, unknown, Output> }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: 'language' });
  const addresses = useWatch({ control, name: 'addresses' });
  const ui = useUiLanguage();
  const country = clientCountry(addresses);
  const value = field.value || clientLanguage({ addresses }, ui);
  const data: { value: string; label: string }[] = LANGUAGES.map((l) => ({ value: l.code, label: l.name }));
  if (!isLanguageCode(value)) data.push({ value, label: languageName(value) });
  const why = field.value
    ? isLanguageCode(field.value)
      ? undefined
      : t('form.languageUnknown')
    : country
      ? t('form.languageFrom.country', { country: formatCountry(country) })
      : t('form.languageFrom.you');
  return (
    <Select
      label={t('form.language')}
      data={data}
      value={value}
      onChange={(v) => field.onChange(v ?? field.value)}
      onBlur={field.onBlur}
      allowDeselect={false}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={why}
      data-testid="client-language"
    />
  );
}
