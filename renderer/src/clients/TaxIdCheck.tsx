/**
 * A tax number that does not look like one of the client's country (core/tax-id.ts) is kept as
 * typed and marked for a look: on the form as a hint under the field, on the card beside it. One
 * written with an EU or UK VAT prefix ("DE136695976") is checked by that country's rules, and
 * both say so; a prefix naming another country than the client's address gets a gentle note.
 */
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useWatch, type Control } from 'react-hook-form';
import type { z } from 'zod';
import { clientCountry, type ClientInput, type clientInputSchema } from '../../../core/client-model';
import { checkTaxId, type TaxIdCheck } from '../../../core/tax-id';
import { formatCountry } from '../i18n/format';

/** What to say about a checked tax number, and whether it is something to look at; null when nothing. */
function taxIdText(check: TaxIdCheck | null, clientCountryCode: string, t: TFunction): { text: string; problem: boolean } | null {
  if (!check) return null;
  const country = formatCountry(check.country);
  if (!check.vatPrefix) return check.problem ? { text: t('form.taxIdCheck', { country }), problem: true } : null;
  const said = t(check.problem ? 'form.taxIdVatCheck' : 'form.taxIdVatChecked', { country, prefix: check.vatPrefix });
  const note = check.otherCountry ? ` ${t('form.taxIdOtherCountry', { country: formatCountry(clientCountryCode) })}` : '';
  return { text: said + note, problem: check.problem !== null };
}

/** The form's hint for the tax number as typed (orange when it is to be looked at), or undefined when there is nothing to say. */
export function useTaxIdHint(control: Control<z.input<typeof clientInputSchema>, unknown, ClientInput>): React.ReactNode {
  const { t } = useTranslation();
  const [taxId, addresses] = useWatch({ control, name: ['taxId', 'addresses'] });
  const country = clientCountry(addresses);
  const said = taxIdText(checkTaxId(taxId ?? '', country), country, t);
  if (!said) return undefined;
  return (
    <Text span size="xs" c={said.problem ? 'orange.8' : 'dimmed'} data-testid="tax-id-hint">
      {said.text}
    </Text>
  );
}

/** The tax number on the card, with the mark when it does not look right, and which country's VAT number it is by its prefix. */
export function TaxIdValue({ taxId, country }: { taxId: string; country: string }) {
  const { t } = useTranslation();
  if (!taxId) return null;
  const check = checkTaxId(taxId, country);
  const said = taxIdText(check, country, t);
  return (
    <>
      {taxId}
      {said?.problem && (
        <Text span size="xs" c="orange.8" ml={6} data-testid="tax-id-check" title={said.text}>
          {t('card.checkThis')}
        </Text>
      )}
      {said && !said.problem && (
        <Text span size="xs" c="dimmed" ml={6} data-testid="tax-id-vat" title={said.text}>
          {t('card.vatOf', { country: formatCountry(check!.country) })}
        </Text>
      )}
    </>
  );
}
