import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useFieldArray, useForm, useWatch, type FieldError, type Resolver } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageLoading, PageNotFound } from '../app/PageStates';
import type { z } from 'zod';
import { EVENT_KINDS, QUESTION_KINDS, eventInputSchema, type FieldEvent } from '../../../core/leads/lead-model';
import type { TeamMember } from '../../../core/client-model';
import { createEvent, updateEvent } from '../data/leads/leads';
import { useCurrentUserId } from '../data/leads/lead-queries';
import { useOpenedRecord, type Opened } from '../data/opened-record';
import { useTeam } from '../data/clients/queries';
import { countryOptions, useFieldError } from '../clients/form-helpers';
import { wordsLocale } from '../i18n/format';
import { DateField } from '../clients/DateField';
import { FormPage, useSaveAndLeave } from '../clients/FormPage';
import { personName, pickable } from '../clients/team';
import { newQuestionId, today } from './event-stats';

type FormValues = z.input<typeof eventInputSchema>;
type Output = z.output<typeof eventInputSchema>;
type QuestionValues = NonNullable<FormValues['questions']>[number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const hasOptions = (kind: QuestionValues['kind']) => kind === 'choice' || kind === 'multi';

/**
 * Before validation: a question added in this form gets its id (from its label, once), and a
 * question that is no longer a choice drops the options it had.
 */
function withQuestionIds(values: FormValues): FormValues {
  const taken = (values.questions ?? []).map((q) => q.id).filter(Boolean);
  const questions = (values.questions ?? []).map((q) => {
    const id = q.id || newQuestionId(q.label ?? '', taken);
    taken.push(id);
    return { ...q, id, options: hasOptions(q.kind) ? q.options : [] };
  });
  return { ...values, questions };
}

/** The error of a list field: its own (e.g. too few options) or its first item's. */
function firstError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string') return error as FieldError;
  if (Array.isArray(error)) return error.find((e: unknown): e is FieldError => !!e && typeof (e as FieldError).message === 'string');
  return undefined;
}

const resolver: Resolver<FormValues, unknown, Output> = (values, context, options) =>
  zodResolver(eventInputSchema)(withQuestionIds(values), context, options);

function toFormValues(event: FieldEvent | null, me: string | undefined, team: TeamMember[]): FormValues {
  if (event) {
    const { name, kind, venue, city, country = '', startsOn, endsOn, booth, teamIds, productGroups, questions } = event;
    return { name, kind, venue, city, country, startsOn, endsOn, booth, teamIds, productGroups, questions };
  }
  const day = today();
  return {
    name: '',
    kind: 'trade_fair',
    venue: '',
    city: '',
    country: '',
    startsOn: day,
    endsOn: day,
    booth: '',
    teamIds: me && team.some((m) => m.id === me) ? [me] : [],
    productGroups: [],
    questions: [],
  };
}

/** Create or edit an event: where and when, who is on the stand, what to ask visitors. */
export function EventFormPage() {
  const { eventId } = useParams();
  const event = useOpenedRecord('events', eventId);
  const team = useTeam();
  const me = useCurrentUserId();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if ((eventId && event === undefined) || team === undefined || me === undefined) {
    return <PageLoading />;
  }
  if (eventId && event === null) {
    return <PageNotFound message={t('eventLeads.notFound')} backLabel={t('eventLeads.backToEvents')} onBack={() => void navigate('/events')} />;
  }
  return <EventForm key={eventId ?? 'new'} event={event ?? null} team={team} me={me} />;
}

/**
 * `opened`: the event as the form opened it, with the stamps of its values: a save writes only
 * what the person changed, as edits of what the form showed (a colleague's change of the same
 * field synced meanwhile becomes a conflict, not an overwrite).
 */
function EventForm(props: { event: Opened<FieldEvent> | null; team: TeamMember[]; me: string }) {
  const { team, me } = props;
  const [opened] = useState(props.event);
  const event = opened?.record ?? null;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fieldError = useFieldError();
  // Checked on save, then live as the person fixes: validating on blur would put "Required." under an
  // untouched name the moment the person clicks "Add question", and the shifting layout would eat that click.
  const form = useForm<FormValues, unknown, Output>({ resolver, defaultValues: toFormValues(event, me, team), mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, control, formState, getValues, setValue } = form;
  const { errors, isDirty, isSubmitting } = formState;
  const questions = useFieldArray({ control, name: 'questions' });
  const kinds = useWatch({ control, name: 'questions' }) ?? [];

  const { onSubmit, leaving } = useSaveAndLeave(
    form,
    async (values) => {
      const saved = opened ? await updateEvent(opened.record.id, values, undefined, opened) : await createEvent(values);
      return { to: `/events/${saved.id}`, replace: !event };
    },
    t('eventForm.saved'),
  );

  const close = () => void navigate(event ? `/events/${event.id}` : '/events');
  const locale = wordsLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);

  return (
    <FormPage title={event ? t('eventForm.editTitle', { name: event.name }) : t('eventForm.newTitle')} onSubmit={onSubmit} onClose={close} guard={isDirty && !leaving} submitting={isSubmitting}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={5} mb="sm">
                {t('eventForm.sectionEvent')}
              </Title>
              <SimpleGrid cols={2}>
                <TextInput label={t('eventForm.name')} withAsterisk {...register('name')} error={fieldError(errors.name)} />
                <Controller
                  control={control}
                  name="kind"
                  render={({ field }) => (
                    <Select
                      label={t('eventForm.kind')}
                      data={EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))}
                      value={field.value}
                      onChange={(v) => field.onChange(v ?? 'trade_fair')}
                      allowDeselect={false}
                    />
                  )}
                />
                <TextInput label={t('eventForm.venue')} {...register('venue')} error={fieldError(errors.venue)} />
                <TextInput label={t('eventForm.city')} {...register('city')} error={fieldError(errors.city)} />
                <Controller
                  control={control}
                  name="country"
                  render={({ field }) => (
                    <Select
                      label={t('eventForm.country')}
                      description={t('eventForm.countryHint')}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      placeholder={t('form.selectCountry')}
                      data={countries}
                      searchable
                      clearable
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      error={fieldError(errors.country)}
                    />
                  )}
                />
                <TextInput label={t('eventForm.booth')} {...register('booth')} error={fieldError(errors.booth)} />
                <Controller
                  control={control}
                  name="startsOn"
                  render={({ field }) => (
                    <DateField
                      label={t('eventForm.startsOn')}
                      withAsterisk
                      name={field.name}
                      value={field.value}
                      onChange={(start) => {
                        field.onChange(start);
                        // A one-day event is the usual case: the end follows the start unless it is later already.
                        const end = getValues('endsOn');
                        if (ISO_DAY.test(start) && (!end || (ISO_DAY.test(end) && end < start))) setValue('endsOn', start, { shouldDirty: true });
                      }}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      error={fieldError(errors.startsOn)}
                      testId="event-starts-on"
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="endsOn"
                  render={({ field }) => (
                    <DateField label={t('eventForm.endsOn')} withAsterisk name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={fieldError(errors.endsOn)} testId="event-ends-on" />
                  )}
                />
                <Controller
                  control={control}
                  name="teamIds"
                  render={({ field }) => (
                    <MultiSelect
                      label={t('eventForm.team')}
                      placeholder={t('eventForm.teamPlaceholder')}
                      // Nobody who left is put on a stand; one already on it stays listed (marked) until removed.
                      data={pickable(team, event?.teamIds).map((m) => ({ value: m.id, label: personName(m, t) }))}
                      value={field.value ?? []}
                      onChange={field.onChange}
                      searchable
                      clearable
                    />
                  )}
                />
              </SimpleGrid>
              <Controller
                control={control}
                name="productGroups"
                render={({ field }) => (
                  <TagsInput
                    mt="sm"
                    label={t('eventForm.productGroups')}
                    description={t('eventForm.productGroupsHint')}
                    value={field.value ?? []}
                    onChange={field.onChange}
                    clearable
                    error={fieldError(firstError(errors.productGroups))}
                  />
                )}
              />
            </Card>

            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Title order={5}>{t('eventForm.sectionQuestions')}</Title>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => questions.append({ id: '', label: '', kind: 'choice', options: [] }, { focusName: `questions.${questions.fields.length}.label` })}
                >
                  {t('eventForm.addQuestion')}
                </Button>
              </Group>
              <Text size="sm" c="dimmed" mb="sm">
                {t('eventForm.questionsHint')}
              </Text>
              <Stack gap="sm">
                {questions.fields.map((f, i) => {
                  const kind = kinds[i]?.kind ?? f.kind;
                  const qErrors = errors.questions?.[i];
                  return (
                    <Card key={f.id} withBorder padding="sm" role="group" aria-label={t('eventForm.questionN', { n: i + 1 })} data-testid="question">
                      <Group align="flex-start" wrap="nowrap" gap="xs">
                        <TextInput
                          style={{ flex: 1 }}
                          label={t('eventForm.questionN', { n: i + 1 })}
                          withAsterisk
                          placeholder={t('eventForm.questionPlaceholder')}
                          {...register(`questions.${i}.label`)}
                          error={fieldError(qErrors?.label)}
                        />
                        <Controller
                          control={control}
                          name={`questions.${i}.kind`}
                          render={({ field }) => (
                            <Select
                              w={190}
                              label={t('eventForm.answerKind')}
                              data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`questionKind.${k}`) }))}
                              value={field.value}
                              onChange={(v) => field.onChange(v ?? 'choice')}
                              allowDeselect={false}
                            />
                          )}
                        />
                        <Group gap={2} mt={26} wrap="nowrap">
                          <ActionIcon variant="subtle" color="gray" aria-label={t('eventForm.moveUp')} disabled={i === 0} onClick={() => questions.move(i, i - 1)}>
                            <IconArrowUp size={16} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('eventForm.moveDown')}
                            disabled={i === questions.fields.length - 1}
                            onClick={() => questions.move(i, i + 1)}
                          >
                            <IconArrowDown size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={t('eventForm.removeQuestion')} onClick={() => questions.remove(i)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      </Group>
                      {hasOptions(kind) && (
                        <Controller
                          control={control}
                          name={`questions.${i}.options`}
                          render={({ field }) => (
                            <TagsInput
                              mt="xs"
                              label={t('eventForm.options')}
                              description={t('eventForm.optionsHint')}
                              value={field.value ?? []}
                              onChange={field.onChange}
                              onBlur={field.onBlur}
                              error={fieldError(firstError(qErrors?.options))}
                            />
                          )}
                        />
                      )}
                    </Card>
                  );
                })}
                {questions.fields.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('eventForm.noQuestions')}
                  </Text>
                )}
              </Stack>
            </Card>
          </Stack>
    </FormPage>
  );
}
