import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Button, Card, Center, Group, Loader, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  DECISION_ROLES,
  PHONE_KINDS,
  contactInputSchema,
  type Client,
  type Contact,
  type ContactFormValues,
  type ContactInput,
} from '../../../core/client-model';
import { createContact, updateContact } from '../data/clients/commands';
import { useClient } from '../data/clients/queries';
import { useOpenedContact, type Opened } from '../data/opened-record';
import { formatPhone } from '../i18n/format';
import { useFieldError } from './form-helpers';
import { PhoneHintText, phoneHint, phonePlaceholder } from './PhoneValue';
import { phoneLineKind } from '../../../core/phone';
import { clientPhoneCountries, usePhoneRegions } from '../data/phone-regions';
import { DateField } from './DateField';
import { FormPage, useSaveAndLeave } from './FormPage';

function toFormValues(contact: Contact | null): ContactFormValues {
  if (!contact) {
    return { name: '', position: '', phones: [{ kind: 'mobile', number: '' }], emails: [{ address: '' }], birthday: '', decisionRole: 'user', notes: '' };
  }
  return {
    name: contact.name,
    position: contact.position,
    phones: contact.phones.map((p) => ({ kind: p.kind, number: formatPhone(p.number) })),
    emails: contact.emails,
    birthday: contact.birthday,
    decisionRole: contact.decisionRole,
    notes: contact.notes,
  };
}

export function ContactFormPage() {
  const { clientId, contactId } = useParams();
  const client = useClient(clientId);
  const contact = useOpenedContact(clientId, contactId);
  // The client the form was opened for, kept should a sync take it off this laptop meanwhile.
  const [held, setHeld] = useState<Client | null>(null);
  if (client && held === null) setHeld(client);
  if (client === undefined || (contactId && contact === undefined)) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  const shown = client ?? held;
  if (shown === null) return <Center h="100%">…</Center>;
  return <ContactForm key={contactId ?? 'new'} client={shown} contact={contact ?? null} clientGone={client === null} />;
}

/**
 * The client and contact the form was opened for stay what it edits: should a sync take them
 * off this laptop meanwhile, the form says so and keeps what was typed (it does not become a
 * new contact). A save writes only what the person changed from the contact as opened, as edits
 * of the values it showed (their stamps: a colleague's change synced meanwhile is a conflict).
 */
function ContactForm(props: { client: Client; contact: Opened<Contact> | null; clientGone: boolean }) {
  const [client] = useState(props.client);
  const [opened] = useState(props.contact);
  const contact = opened?.record ?? null;
  const gone = props.clientGone || (contact !== null && props.contact === null);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fieldError = useFieldError();
  // Where typed numbers are read, as the save reads them (phone-regions.ts).
  const regions = usePhoneRegions(clientPhoneCountries(client.addresses));
  const schema = useMemo(() => contactInputSchema(regions), [regions]);
  const form = useForm<ContactFormValues, unknown, ContactInput>({
    resolver: zodResolver(schema),
    defaultValues: toFormValues(contact),
    mode: 'onTouched',
  });
  const { register, control, formState, getValues, setValue } = form;
  const { errors, isDirty, isSubmitting } = formState;
  const phones = useFieldArray({ control, name: 'phones' });
  // The lines whose kind the person chose (a saved contact's lines, as saved: someone chose
  // them). The others' kind follows the number typed: a mobile number is 'Mobile' (phoneLineKind).
  const [chosenKinds] = useState(() => new Set(contact ? phones.fields.map((f) => f.id) : []));
  const kindFromNumber = (index: number, text: string) => {
    const id = phones.fields[index]?.id;
    if (!id || chosenKinds.has(id)) return;
    const kind = phoneLineKind(text, regions);
    if (kind && kind !== getValues(`phones.${index}.kind`)) setValue(`phones.${index}.kind`, kind, { shouldDirty: true });
  };
  // Under each number, how it will be saved (a number that cannot be read is a hint, not an error).
  const hints = (useWatch({ control, name: 'phones' }) ?? []).map((p) => phoneHint(p?.number, regions, t));
  const emails = useFieldArray({ control, name: 'emails' });
  const cardUrl = `/clients/${client.id}`;

  const { onSubmit, leaving } = useSaveAndLeave(
    form,
    async (values) => {
      if (opened) await updateContact(opened.record, values, undefined, opened);
      else await createContact(client.id, values);
      return { to: cardUrl };
    },
    t('form.saved'),
  );

  const close = () => void navigate(cardUrl);

  return (
    <FormPage title={contact ? t('form.editContact', { name: contact.name }) : t('form.newContact', { client: client.name })} onSubmit={onSubmit} onClose={close} guard={isDirty && !leaving} submitting={isSubmitting} maxWidth={900}>
          {gone && (
            <Alert color="red" mb="md" data-testid="form-gone">
              {t('form.goneContact')}
            </Alert>
          )}
          <Card withBorder>
            <SimpleGrid cols={2}>
              <TextInput label={t('form.contactName')} withAsterisk {...register('name')} error={fieldError(errors.name)} />
              <TextInput label={t('form.position')} {...register('position')} error={fieldError(errors.position)} />
              <Controller
                control={control}
                name="decisionRole"
                render={({ field }) => (
                  <Select
                    label={t('form.decisionRole')}
                    data={DECISION_ROLES.map((r) => ({ value: r, label: t(`decisionRole.${r}`) }))}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? 'user')}
                    allowDeselect={false}
                  />
                )}
              />
              <Controller
                control={control}
                name="birthday"
                render={({ field }) => (
                  <DateField label={t('form.birthday')} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldError(errors.birthday)} testId="contact-birthday" />
                )}
              />
            </SimpleGrid>

            <Text fw={500} size="sm" mt="md" mb={4}>
              {t('form.phones')}
            </Text>
            <Stack gap="xs">
              {phones.fields.map((f, i) => (
                <Group key={f.id} gap="xs" align="flex-start" wrap="nowrap">
                  <Controller
                    control={control}
                    name={`phones.${i}.kind`}
                    render={({ field }) => (
                      <Select
                        w={130}
                        aria-label={t('form.phoneKind')}
                        data={PHONE_KINDS.map((k) => ({ value: k, label: t(`phoneKind.${k}`) }))}
                        value={field.value}
                        onChange={(v) => {
                          chosenKinds.add(f.id);
                          field.onChange(v ?? 'mobile');
                        }}
                        allowDeselect={false}
                      />
                    )}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    aria-label={t('form.phone')}
                    placeholder={phonePlaceholder(regions)}
                    {...register(`phones.${i}.number`, { onChange: (e: React.ChangeEvent<HTMLInputElement>) => kindFromNumber(i, e.target.value) })}
                    description={hints[i] && <PhoneHintText hint={hints[i]} />}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    error={fieldError(errors.phones?.[i]?.number)}
                  />
                  <ActionIcon variant="subtle" color="gray" mt={6} aria-label={t('form.remove')} onClick={() => phones.remove(i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button size="xs" variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => phones.append({ kind: 'work', number: '' })}>
                {t('form.addPhone')}
              </Button>
            </Stack>

            <Text fw={500} size="sm" mt="md" mb={4}>
              {t('form.emails')}
            </Text>
            <Stack gap="xs">
              {emails.fields.map((f, i) => (
                <Group key={f.id} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    aria-label={t('form.email')}
                    placeholder={t('form.emailPlaceholder')}
                    {...register(`emails.${i}.address`)}
                    error={fieldError(errors.emails?.[i]?.address)}
                  />
                  <ActionIcon variant="subtle" color="gray" mt={6} aria-label={t('form.remove')} onClick={() => emails.remove(i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button size="xs" variant="subtle" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => emails.append({ address: '' })}>
                {t('form.addEmail')}
              </Button>
            </Stack>

            <Textarea mt="md" label={t('form.notes')} autosize minRows={2} {...register('notes')} error={fieldError(errors.notes)} />
          </Card>
    </FormPage>
  );
}
