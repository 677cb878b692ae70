import { Card, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Controller, useFormState, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../core/offers/offer-model';
import { CURRENCIES, useFieldError } from '../clients/form-helpers';
import { DateField } from '../clients/DateField';
import { formatDate } from '../i18n/format';
import { FIELD_RULES, type OfferFormValues } from './offer-form';

/** Validity, delivery, payment, conditions and notes: inputs on a draft, text afterwards. */
export function OfferTerms({ form, editable, offer }: { form: UseFormReturn<OfferFormValues>; editable: boolean; offer: Offer }) {
  const { t } = useTranslation();
  const terms = offer.terms;
  return (
    <Card withBorder padding="md">
      <Title order={5} mb="sm">
        {t('offers.terms.title')}
      </Title>
      {editable ? (
        <EditableTerms form={form} />
      ) : (
        <Stack gap="xs">
          <Labelled label={t('offers.terms.validUntil')} text={formatDate(terms.validUntil)} />
          <Labelled label={t('offers.terms.currency')} text={`${offer.currency} · ${offer.pricesIncludeVat ? t('document.pricesGross', { currency: offer.currency }) : t('document.pricesNet', { currency: offer.currency })}`} />
          <Labelled label={t('offers.terms.delivery')} text={terms.delivery} />
          <Labelled label={t('offers.terms.payment')} text={terms.payment} />
          <Labelled label={t('offers.terms.specialConditions')} text={terms.specialConditions} />
          <Labelled label={t('offers.terms.notes')} text={terms.notes} />
        </Stack>
      )}
    </Card>
  );
}

function EditableTerms({ form }: { form: UseFormReturn<OfferFormValues> }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { errors } = useFormState({ control: form.control, name: 'terms' });
  const { register, control } = form;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        <Controller
          control={control}
          name="terms.validUntil"
          rules={FIELD_RULES.validUntil}
          render={({ field }) => (
            <DateField label={t('offers.terms.validUntil')} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldError(errors.terms?.validUntil)} testId="offer-valid-until" />
          )}
        />
        <Controller
          control={control}
          name="currency"
          render={({ field }) => <Select label={t('offers.terms.currency')} data={[...new Set([field.value, ...CURRENCIES])]} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} />}
        />
      </SimpleGrid>
      <Controller
        control={control}
        name="pricesIncludeVat"
        render={({ field }) => <Switch label={t('offers.terms.pricesIncludeVat')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />}
      />
      <TextInput label={t('offers.terms.delivery')} {...register('terms.delivery', FIELD_RULES.delivery)} error={fieldError(errors.terms?.delivery)} />
      <TextInput label={t('offers.terms.payment')} {...register('terms.payment', FIELD_RULES.payment)} error={fieldError(errors.terms?.payment)} />
      <Textarea label={t('offers.terms.specialConditions')} autosize minRows={2} {...register('terms.specialConditions', FIELD_RULES.specialConditions)} error={fieldError(errors.terms?.specialConditions)} />
      <Textarea label={t('offers.terms.notes')} autosize minRows={2} {...register('terms.notes', FIELD_RULES.notes)} error={fieldError(errors.terms?.notes)} />
    </Stack>
  );
}

function Labelled({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text || t('card.none')}
      </Text>
    </div>
  );
}
