import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ADDRESS_KINDS,
  CLIENT_STATUSES,
  PRICE_TYPES,
  SEGMENTS,
  blankClientInput,
  clientInputSchema,
  type Client,
  type TeamMember,
} from '../../../core/client-model';
import { createClient, updateClient } from '../data/clients/commands';
import { useTeam } from '../data/clients/queries';
import { useOpenedClient, type Opened } from '../data/opened-record';
import { wordsLocale } from '../i18n/format';
import { countryOptions, useFieldError } from './form-helpers';
import { DateField } from './DateField';
import { NumberField } from './NumberField';
import { FormPage, useSaveAndLeave } from './FormPage';
import { useTaxIdHint } from './TaxIdCheck';
import { useConnection, useScopeOwners } from '../data/sync/sync-session';
import { ownerChoices, ownerLabel } from './owner-choices';
import { personName, pickable } from './team';
import { CurrencyField } from './CurrencyField';
import { LanguageField } from './LanguageField';

type FormValues = z.input<typeof clientInputSchema>;
type Output = z.output<typeof clientInputSchema>;

/** The form's starting values: the client's, or for a new client its owner is the signed-in person. */
function toFormValues(client: Client | null, team: TeamMember[], me: string | undefined): FormValues {
  if (client) {
    const { name, legalName, taxId, status, ownerId, segment, industry, website, addresses, priceType, discountPct, paymentTermsDays, currency, contractNumber, contractDate, contractTerms, notes, tags, language } = client;
    // No language (a client from before it): '' shows its country's, and is left so unless changed.
    return { name, legalName, taxId, status, ownerId, segment, industry, website, addresses, priceType, discountPct, paymentTermsDays, currency, contractNumber, contractDate, contractTerms, notes, tags, language: language ?? '' };
  }
  const working = pickable(team);
  const owner = (me && working.some((m) => m.id === me) ? me : undefined) ?? working.find((m) => m.role === 'manager')?.id ?? working[0]?.id ?? '';
  return { ...blankClientInput(owner), addresses: [{ kind: 'office', street: '', city: '', postcode: '', region: '', country: '' }] };
}

export function ClientFormPage() {
  const { clientId } = useParams();
  const opened = useOpenedClient(clientId);
  const team = useTeam();
  const connection = useConnection();
  const scopeOwners = useScopeOwners();
  if ((clientId && opened === undefined) || team === undefined || connection === undefined || scopeOwners === undefined) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  const who = { me: connection?.user.id, role: connection?.user.role, scopeOwners };
  return <ClientForm key={clientId ?? 'new'} opened={opened ?? null} team={team} who={who} />;
}

interface Who {
  me: string | undefined;
  role: TeamMember['role'] | undefined;
  scopeOwners: readonly string[];
}

function ClientForm({ opened, team, who }: { opened: Opened<Client> | null; team: TeamMember[]; who: Who }) {
  const { me } = who;
  // The client as the form opened it, with the stamps of the values shown: a save writes only
  // what the person changed from it, as edits of those values (a colleague's change of the same
  // field synced meanwhile becomes a conflict the person sees, not an overwrite), and the form
  // stays an edit of it should a sync take the client off this laptop meanwhile.
  const [first] = useState(opened);
  const seen = first?.record ?? null;
  const gone = seen !== null && opened === null;
  const owners = ownerChoices({ team, scopeOwners: who.scopeOwners, role: who.role, current: seen?.ownerId ?? '', isNew: !seen });
  const ownerLeft = (id: string) => team.some((m) => m.id === id && m.left);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fieldError = useFieldError();
  const locale = wordsLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const form = useForm<FormValues, unknown, Output>({
    resolver: zodResolver(clientInputSchema),
    defaultValues: toFormValues(seen, team, me),
    mode: 'onTouched',
  });
  const { register, control, formState } = form;
  const { errors, isDirty, isSubmitting } = formState;
  const taxIdHint = useTaxIdHint(control);
  const addresses = useFieldArray({ control, name: 'addresses' });

  const { onSubmit, leaving } = useSaveAndLeave(
    form,
    async (values) => {
      const saved = first ? await updateClient(first.record.id, values, undefined, first) : await createClient(values);
      return { to: `/clients/${saved.id}`, replace: !seen };
    },
    t('form.saved'),
  );

  const close = () => void navigate(seen && !gone ? `/clients/${seen.id}` : '/');

  return (
    <FormPage title={seen ? t('form.editClient', { name: seen.name }) : t('form.newClient')} onSubmit={onSubmit} onClose={close} guard={isDirty && !leaving} submitting={isSubmitting}>
          <Stack gap="md">
            {gone && (
              <Alert color="red" data-testid="form-gone">
                {t('form.goneClient')}
              </Alert>
            )}
            <Card withBorder>
              <Title order={5} mb="sm">
                {t('form.sectionCompany')}
              </Title>
              <SimpleGrid cols={2}>
                <TextInput label={t('form.name')} withAsterisk {...register('name')} error={fieldError(errors.name)} />
                <TextInput label={t('form.legalName')} {...register('legalName')} error={fieldError(errors.legalName)} />
                <TextInput label={t('form.taxId')} {...register('taxId')} error={fieldError(errors.taxId)} description={taxIdHint} inputWrapperOrder={['label', 'input', 'description', 'error']} />
                <Controller
                  control={control}
                  name="status"
                  render={({ field }) => (
                    <Select
                      label={t('form.status')}
                      data={CLIENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                      value={field.value}
                      onChange={(v) => field.onChange(v ?? 'prospect')}
                      allowDeselect={false}
                      error={fieldError(errors.status)}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="ownerId"
                  render={({ field }) => (
                    <Select
                      label={t('form.owner')}
                      withAsterisk
                      data={owners.owners.map((m) => ({ value: m.id, label: personName({ ...m, name: ownerLabel(m, owners.owners) }, t) }))}
                      disabled={owners.locked}
                      description={owners.locked ? t('form.ownerLocked') : ownerLeft(field.value) ? t('team.leftHint') : undefined}
                      // Below the field, so it stays level with its neighbours in the grid.
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      searchable
                      error={fieldError(errors.ownerId)}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="segment"
                  render={({ field }) => (
                    <Select
                      label={t('form.segment')}
                      data={SEGMENTS.map((s) => ({ value: s, label: t(`segment.${s}`) }))}
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      clearable
                    />
                  )}
                />
                <TextInput label={t('form.industry')} {...register('industry')} error={fieldError(errors.industry)} />
                <TextInput label={t('form.website')} {...register('website')} error={fieldError(errors.website)} placeholder={t('form.websitePlaceholder')} />
              </SimpleGrid>
            </Card>

            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={5}>{t('form.sectionAddress')}</Title>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => addresses.append({ kind: 'delivery', street: '', city: '', postcode: '', region: '', country: '' })}
                >
                  {t('form.addAddress')}
                </Button>
              </Group>
              <Stack gap="sm">
                {addresses.fields.map((f, i) => (
                  <Group key={f.id} align="flex-start" wrap="nowrap" gap="xs" style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)', paddingTop: 'var(--mantine-spacing-sm)' } : undefined}>
                    {/*
                      Two rows of three: kind and street, then postcode, city and country. In one
                      row of six a country ("Bosnia & Herzegovina (BA)", "United Kingdom (GB)") and
                      "Legal address" were cut short on a 1280–1366 px screen (the field test).
                    */}
                    <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs" style={{ flex: 1 }} data-testid="address-fields">
                      <Controller
                        control={control}
                        name={`addresses.${i}.kind`}
                        render={({ field }) => (
                          <Select
                            label={t('form.addressKind')}
                            data={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`addressKind.${k}`) }))}
                            value={field.value}
                            onChange={(v) => field.onChange(v ?? 'office')}
                            allowDeselect={false}
                          />
                        )}
                      />
                      <TextInput label={t('form.street')} style={{ gridColumn: 'span 2' }} {...register(`addresses.${i}.street`)} />
                      <TextInput label={t('form.postcode')} {...register(`addresses.${i}.postcode`)} />
                      <TextInput label={t('form.city')} {...register(`addresses.${i}.city`)} />
                      <Controller
                        control={control}
                        name={`addresses.${i}.country`}
                        render={({ field }) => (
                          <Select
                            label={t('form.country')}
                            placeholder={t('form.selectCountry')}
                            data={countries}
                            title={countries.find((c) => c.value === field.value)?.label}
                            value={field.value || null}
                            onChange={(v) => field.onChange(v ?? '')}
                            searchable
                            clearable
                            error={fieldError(errors.addresses?.[i]?.country)}
                          />
                        )}
                      />
                    </SimpleGrid>
                    <ActionIcon variant="subtle" color="gray" mt={26} aria-label={t('form.removeAddress')} onClick={() => addresses.remove(i)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            </Card>

            <Card withBorder>
              <Title order={5} mb="sm">
                {t('form.sectionTerms')}
              </Title>
              <SimpleGrid cols={3}>
                <Controller
                  control={control}
                  name="priceType"
                  render={({ field }) => (
                    <Select
                      label={t('form.priceType')}
                      data={PRICE_TYPES.map((p) => ({ value: p, label: t(`priceType.${p}`) }))}
                      value={field.value}
                      onChange={(v) => field.onChange(v ?? 'retail')}
                      allowDeselect={false}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="discountPct"
                  render={({ field }) => (
                    <NumberField
                      label={t('form.discountPct')}
                      name={field.name}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      maxFractionDigits={4}
                      error={fieldError(errors.discountPct)}
                      testId="client-discount"
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="paymentTermsDays"
                  render={({ field }) => (
                    <NumberField
                      label={t('form.paymentTermsDays')}
                      name={field.name}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      integer
                      error={fieldError(errors.paymentTermsDays)}
                      testId="client-payment-days"
                    />
                  )}
                />
                <CurrencyField control={control} resetField={form.resetField} isNew={!seen} />
                <LanguageField control={control} />
                <TextInput label={t('form.contractNumber')} {...register('contractNumber')} error={fieldError(errors.contractNumber)} />
                <Controller
                  control={control}
                  name="contractDate"
                  render={({ field }) => (
                    <DateField label={t('form.contractDate')} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldError(errors.contractDate)} testId="client-contract-date" />
                  )}
                />
              </SimpleGrid>
              <Textarea mt="sm" label={t('form.contractTerms')} autosize minRows={2} {...register('contractTerms')} error={fieldError(errors.contractTerms)} />
              <Text size="xs" c="dimmed" mt="xs">
                {t('form.creditLimitNote')}
              </Text>
            </Card>

            <Card withBorder>
              <Title order={5} mb="sm">
                {t('form.sectionNotes')}
              </Title>
              <Textarea label={t('form.notes')} autosize minRows={3} {...register('notes')} error={fieldError(errors.notes)} />
              <Controller
                control={control}
                name="tags"
                render={({ field }) => (
                  <TagsInput mt="sm" label={t('form.tags')} placeholder={t('form.tagsPlaceholder')} value={field.value ?? []} onChange={field.onChange} clearable />
                )}
              />
            </Card>
          </Stack>
    </FormPage>
  );
}
