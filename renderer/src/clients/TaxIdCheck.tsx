/**
 * A tax number that does not look like one of the client's country (core/tax-id.ts) is kept as
 * typed and marked for a look: on the form as a hint under the field, on the card beside it.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWatch, type Control } from 'react-hook-form';
import type { z } from 'zod';
import { clientCountry, type ClientInput, type clientInputSchema } from '../../../core/client-model';
import { taxIdProblem } from '../../../core/tax-id';
import { formatCountry } from '../i18n/format';

/** The form's hint for the tax number as typed, or undefined when there is nothing to say. */
export function useTaxIdHint(control: Control<z.input<typeof clientInputSchema>, unknown, ClientInput>): string | undefined {
  const { t } = useTranslation();
  const [taxId, addresses] = useWatch({ control, name: ['taxId', 'addresses'] });
  const country = clientCountry(addresses);
  return taxIdProblem(taxId ?? '', country) ? t('form.taxIdCheck', { country: formatCountry(country) }) : undefined;
}

/** The tax number on the card, with the mark when it does not look right for the country. */
export function TaxIdValue({ taxId, country }: { taxId: string; country: string }) {
  const { t } = useTranslation();
  if (!taxId) return null;
  const problem = taxIdProblem(taxId, country);
  return (
    <>
      {taxId}
      {problem && (
        <Text span size="xs" c="orange.8" ml={6} data-testid="tax-id-check" title={t('form.taxIdCheck', { country: formatCountry(country) })}>
          {t('card.checkThis')}
        </Text>
      )}
    </>
  );
}
