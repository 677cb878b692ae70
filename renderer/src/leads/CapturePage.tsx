import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Kbd,
  List,
  NativeSelect,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NEXT_STEPS, RATINGS, leadInputSchema, type Lead, type LeadInput, type NextStep, type Rating } from '../../../core/leads/lead-model';
import { phoneRegions } from '../../../core/phone';
import { sameValue } from '../../../core/sync/merge';
import { MAX_ATTACHMENT_BYTES } from '../../../core/sync/attachments';
import { parseScanPayload, parseVcfFile, type ScannedCard } from '../../../core/leads/scan-payload';
import { fileProblem, prepareFile, type PreparedFile } from '../data/attachments';
import { clientSearch } from '../data/clients/client-base';
import { findLikelyMatches, type LikelyMatch } from '../data/leads/lead-matches';
import { useActiveEventId, useAllLeads, useEventLeadCount, useEvents } from '../data/leads/lead-queries';
import { usePhoneRegions } from '../data/phone-regions';
import { captureLead, setActiveEvent, updateLead, type TaskTitle } from '../data/leads/leads';
import { openRecord, type Opened } from '../data/opened-record';
import { countryOptions, useFieldError, useWriteErrorText } from '../clients/form-helpers';
import { formatCountry, formatDateTime, formatFileSize, formatPhone, wordsLocale } from '../i18n/format';
import { CardScanner } from './CardScanner';
import { LikelyMatches } from './LikelyMatches';
import { FIRST_QUESTION_ID, QuestionFields } from './QuestionFields';
import { emptyCapture, isBlankCapture, mergeCard, nextWorkingDay, worthKeeping, type CaptureValues, type CardSingleField } from './capture-values';
import { useExtraLabel } from './card-labels';
import { birthdayText, CardFields } from './CardFields';
import { cardPictures, VcfImport, type VcfContents } from './VcfImport';
import { CaptureDateField, CapturePhoneField, CaptureTextField } from './CaptureTextField';
import { UnsavedLeads, type UnsavedLead } from './UnsavedLeads';
import { keepCaptureDraft, keepSetAside, knownCaptureDraft, knownSetAside, readCaptureDraft, readSetAside, type CaptureDraft, type SetAsideLead } from '../data/leads/capture-draft';
import { listenForScans } from './scanner-input';
import { KEPT_AS_TYPED } from '../app/unsaved-work';

/** The fields likely matches are found by. */
const IDENTIFYING = ['personName', 'phone', 'email', 'companyName', 'country'] as const;

/**
 * The likely matches beside the form. It follows the identifying fields with a subscription, not
 * a re-render: a keystroke looks the typed text up right after it (the in-memory client search,
 * and the candidates' records kept between keys, see lead-matches.ts), and the panel renders
 * once, when the answer is there. A slower answer overtaken by a newer keystroke is dropped.
 */
function MatchesPanel(props: {
  form: UseFormReturn<CaptureValues, unknown, LeadInput>;
  excludeLeadId: string | null;
  /** This laptop's phone regions (the active event's country, the market): after the lead's own country. */
  regions: readonly string[];
  onAttach: (m: LikelyMatch) => void;
  onOpenLead: (leadId: string) => void;
  /** The form is covered (a .vcf import): keep the matches, do not follow the leads it writes. */
  paused: boolean;
}) {
  const { form, excludeLeadId, regions } = props;
  const leads = useAllLeads(props.paused);
  const [found, setFound] = useState<{ key: string; matches: LikelyMatch[] }>({ key: '', matches: [] });
  useEffect(() => {
    let latest = 0;
    const others = (leads ?? []).filter((l) => l.id !== excludeLeadId);
    const look = (values: Partial<CaptureValues>) => {
      const asked = ++latest;
      const [personName = '', phone = '', email = '', companyName = '', country = ''] = IDENTIFYING.map((f) => values[f] ?? '');
      const key = [personName, phone, email, companyName, country].join('\u0001');
      void findLikelyMatches({ personName, phone, email, companyName, regions: phoneRegions([country, ...regions]) }, clientSearch, others).then((matches) => {
        if (asked === latest) setFound({ key, matches });
      });
    };
    look(form.getValues());
    // One look-up per task, after it, with the form as it is then: emptying the form
    // after a save (or filling it from a scan) sets field after field, and must not look up
    // each half-emptied state on the way.
    let pending = false;
    const subscription = form.watch((_values, { name }) => {
      if (pending || (name !== undefined && !(IDENTIFYING as readonly string[]).includes(name))) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (latest >= 0) look(form.getValues());
      });
    });
    return () => {
      latest = -1;
      subscription.unsubscribe();
    };
  }, [form, leads, excludeLeadId, regions]);
  return (
    <Box data-matched-for={found.key}>
      <LikelyMatches matches={found.matches} onAttach={props.onAttach} onOpenLead={props.onOpenLead} />
    </Box>
  );
}

/** How many leads this laptop has for the event: its own component, so a save re-renders only it. */
function EventLeadCount({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const count = useEventLeadCount(eventId);
  return (
    <Text size="sm" c="dimmed" data-testid="event-lead-count">
      {t('capture.capturedHere', { count: count ?? 0 })}
    </Text>
  );
}

/** Single-key shortcuts of the capture form (Alt + key, by physical key so any layout works). */
const RATING_KEYS: Record<string, Rating> = { Digit1: 'hot', Digit2: 'warm', Digit3: 'cold' };
const NEXT_STEP_KEYS: Record<string, NextStep> = { KeyC: 'call', KeyO: 'send_offer', KeyS: 'visit', KeyI: 'invite' };


/**
 * Enter in a field with a list (the country, the interests: a combobox's input) picks the list's
 * highlighted option or adds the typed interest (Mantine does that on the input, before this
 * runs), and never saves the lead: without this, an Enter with no option highlighted submitted
 * the form, and the lead was saved without the country being picked. Nor does Enter on a choice
 * (a question's select, a checkbox, the rating): Chromium submits a form from those too. Enter in
 * a text field and on a button does what it did; Ctrl+Enter saves from anywhere.
 */
function keepEnterInLists(e: React.KeyboardEvent) {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
  const target = e.target;
  const choice = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio'));
  if (choice || (target instanceof HTMLElement && target.getAttribute('aria-haspopup') === 'listbox')) e.preventDefault();
}

/** Answers cleared in the form are absent, not empty. */
function withoutBlankAnswers(values: CaptureValues): CaptureValues {
  const answers = Object.fromEntries(Object.entries(values.answers).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
  return { ...values, answers };
}

function toValues(lead: Lead): CaptureValues {
  return {
    personName: lead.personName,
    position: lead.position,
    phone: lead.phone ? formatPhone(lead.phone) : '',
    email: lead.email,
    companyName: lead.companyName,
    city: lead.city,
    country: lead.country,
    interests: lead.interests,
    rating: lead.rating,
    answers: lead.answers,
    notes: lead.notes,
    nextStep: lead.nextStep,
    nextStepOn: lead.nextStepOn,
    // A lead written before the card fields existed has none.
    phoneKind: lead.phoneKind ?? '',
    otherPhones: lead.otherPhones ?? [],
    otherEmails: lead.otherEmails ?? [],
    websites: lead.websites ?? [],
    addresses: lead.addresses ?? [],
    departments: lead.departments ?? [],
    birthday: lead.birthday ?? '',
  };
}

const displayName = (v: Pick<CaptureValues, 'personName' | 'companyName' | 'email' | 'phone'>) => v.personName || v.companyName || v.email || v.phone;

/**
 * Quick capture: one keyboard-first screen for a lead at the booth. Ctrl+Enter saves and leaves an
 * empty form with the focus in the first field; the save is local (the sync sends it later).
 */
export function CapturePage() {
  // The lead typed here before, kept while the person was away (data/leads/capture-draft.ts), and the
  // leads set aside beside the form: read before the form appears, so they cannot replace what
  // is typed in the meantime.
  const [draft, setDraft] = useState(knownCaptureDraft);
  const [aside, setAsideList] = useState(knownSetAside);
  useEffect(() => {
    if (draft === undefined) void readCaptureDraft().then(setDraft);
  }, [draft]);
  useEffect(() => {
    if (aside === undefined) void readSetAside().then(setAsideList);
  }, [aside]);
  return draft === undefined || aside === undefined ? null : <CaptureForm draft={draft} aside={aside} />;
}

function CaptureForm({ draft, aside }: { draft: CaptureDraft | null; aside: SetAsideLead[] }) {
  // This laptop's part of where phones are read (the active event's country, the market); the
  // lead's own country comes first, as in the save (data/leads/leads.ts).
  const regions = usePhoneRegions([]);
  const resolver = useCallback<Resolver<CaptureValues, unknown, LeadInput>>(
    (values, context, options) =>
      (zodResolver(leadInputSchema(phoneRegions([values.country, ...regions]))) as unknown as Resolver<CaptureValues, unknown, LeadInput>)(withoutBlankAnswers(values), context, options),
    [regions],
  );
  const form = useForm<CaptureValues, unknown, LeadInput>({ defaultValues: draft?.values ?? emptyCapture(), resolver });
  return <CaptureScreen form={form} regions={regions} draft={draft} aside={aside} />;
}

/**
 * The screen, apart from the form's host: react-hook-form re-renders the component that calls
 * `useForm` on every submit and reset, and this one (memo, same props) sits that out. Nor does it
 * read form state (errors, dirtiness): each field follows its own error (CaptureTextField,
 * Controller). So "save and next" re-renders only the fields whose value changes, not the forty
 * inputs of the page, and the emptied form is on screen in the next frame.
 */
const CaptureScreen = memo(function CaptureScreen({
  form,
  regions,
  draft,
  aside,
}: {
  form: UseFormReturn<CaptureValues, unknown, LeadInput>;
  regions: readonly string[];
  /** The lead being typed when the person left the screen (its values are the form's defaults). */
  draft: CaptureDraft | null;
  /** The leads set aside beside the form when the person left the screen (or the app closed). */
  aside: SetAsideLead[];
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const writeError = useWriteErrorText();
  const events = useEvents();
  const activeId = useActiveEventId();
  const locale = wordsLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const liveEvents = (events ?? []).filter((e) => !e.archivedAt);
  const event = liveEvents.find((e) => e.id === activeId) ?? null;
  const { control, handleSubmit, reset, setValue, getValues } = form;
  /** Whether this lead has been submitted once: corrections filled in from a scan are checked at once then. */
  const submitted = useRef(false);

  const [attachTo, setAttachTo] = useState<{ clientId: string; contactId: string | null; name: string } | null>(draft?.attachTo ?? null);
  // A lead opened for correcting, with the stamps of its values: its save is an edit of what the
  // form showed (a colleague's change synced meanwhile becomes a conflict, not an overwrite).
  const [editing, setEditing] = useState<Opened<Lead> | null>(draft?.editing ?? null);
  const [photo, setPhoto] = useState<PreparedFile | null>(draft?.photo ?? null);
  /** Says the form holds the lead typed before the person left, until it is saved or cleared. */
  const [restored, setRestored] = useState(draft !== null);
  const photoUrl = useMemo(() => (photo ? URL.createObjectURL(photo.blob) : null), [photo]);
  useEffect(() => () => (photoUrl ? URL.revokeObjectURL(photoUrl) : undefined), [photoUrl]);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const [vcf, setVcf] = useState<VcfContents | null>(null);
  const extraLabel = useExtraLabel();
  const firstField = useRef<HTMLInputElement | null>(null);

  const taskTitle: TaskTitle = (step, who) => t(`capture.taskTitle.${step}`, { who });

  const startOver = () => {
    // keepFieldsRef: the inputs are emptied now, not at the form's next render, so the person sees
    // an empty form with the focus in it at once after "save and next".
    reset(emptyCapture(), { keepFieldsRef: true });
    submitted.current = false;
    setAttachTo(null);
    setEditing(null);
    setPhoto(null);
    setFailure(null);
    setRestored(false);
    firstField.current?.focus();
  };

  // "Save and next" does not wait for IndexedDB: the form is emptied at once for the next visitor
  // and the lead is written behind it, in the order saved. A write that fails loses nothing: the
  // lead goes back into the form with the reason when the form is still empty, and otherwise
  // waits in a list (`unsaved`) until the person takes it back.
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const [unsaved, setUnsaved] = useState<UnsavedLead[]>(aside);
  // Kept like the draft on every change (data/leads/capture-draft.ts): a reload or a crash loses none.
  const keptAside = useRef(aside);
  useEffect(() => {
    if (keptAside.current === unsaved) return;
    keptAside.current = unsaved;
    keepSetAside(unsaved);
  }, [unsaved]);
  const [failure, setFailure] = useState<string | null>(null);
  const onValid = (values: LeadInput) => {
    const held = { id: crypto.randomUUID(), name: displayName(values), values: withoutBlankAnswers(getValues()), editing, photo, attachTo };
    startOver();
    performance.mark('fieldbook:capture-ready');
    const write = async () => {
      if (held.editing) await updateLead(held.editing.record.id, held.values, undefined, held.editing);
      else await captureLead(held.values, { photo: held.photo, attachTo: held.attachTo, taskTitle });
    };
    writes.current = writes.current.then(write).then(
      () => setLastSaved(t(held.editing ? 'capture.updated' : 'capture.saved', { name: held.name })),
      (e: unknown) => {
        setLastSaved(null);
        const failed = { ...held, reason: writeError(e) };
        if (!isBlankCapture(getValues())) setUnsaved((list) => [...list, failed]);
        else putBack(failed);
      },
    );
  };
  /** A lead whose write failed, back in the form (against empty defaults, so the form counts as typed in). */
  const putBack = (lead: UnsavedLead) => {
    reset(lead.values, { keepDefaultValues: true });
    setEditing(lead.editing);
    setPhoto(lead.photo);
    setAttachTo(lead.attachTo);
    setUnsaved((list) => list.filter((u) => u.id !== lead.id));
    setFailure(t('capture.notSaved', { name: lead.name, reason: lead.reason }));
    firstField.current?.focus();
  };
  const save = async (e?: React.BaseSyntheticEvent) => {
    // A blank form has nothing to save: a second Ctrl+Enter right after a save must not greet the
    // next visitor's empty form with "enter at least a name".
    if (isBlankCapture(getValues())) {
      e?.preventDefault();
      return;
    }
    submitted.current = true;
    await handleSubmit(onValid)(e);
  };

  const setNextStep = (step: NextStep | null) => {
    setValue('nextStep', step, { shouldDirty: true });
    if (step && !getValues('nextStepOn')) setValue('nextStepOn', nextWorkingDay(), { shouldDirty: true });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
      e.preventDefault();
      void save();
    } else if (e.altKey && !e.ctrlKey && !e.metaKey) {
      if (RATING_KEYS[e.code]) {
        e.preventDefault();
        setValue('rating', RATING_KEYS[e.code]!, { shouldDirty: true });
      } else if (NEXT_STEP_KEYS[e.code]) {
        e.preventDefault();
        setNextStep(NEXT_STEP_KEYS[e.code]!);
      } else if (e.code === 'KeyQ') {
        e.preventDefault();
        document.getElementById(FIRST_QUESTION_ID)?.focus();
      }
    }
  };

  /**
   * A scanned or imported card into the form. What the person typed stays: the card fills the
   * empty fields, and where it says something else its value goes to the notes, and a message
   * names the fields kept (capture-values.ts `mergeCard`).
   */
  const fill = (card: ScannedCard) => {
    const fieldName = (field: CardSingleField) => t(field === 'birthday' ? 'capture.card.birthday' : `capture.${field}`);
    const { values: next, kept } = mergeCard(getValues(), card, extraLabel, (field, value) =>
      t('capture.scan.fromCard', { field: fieldName(field), value: field === 'country' ? formatCountry(value) : field === 'birthday' ? birthdayText(value) : value }),
    );
    for (const [key, value] of Object.entries(next) as [keyof CaptureValues, CaptureValues[keyof CaptureValues]][]) {
      if (!sameValue(value, getValues(key))) setValue(key, value as never, { shouldDirty: true, shouldValidate: submitted.current });
    }
    if (kept.length) {
      notifications.show({
        color: 'yellow',
        autoClose: 10_000,
        message: t('capture.scan.keptTyped', { count: kept.length, fields: kept.map(fieldName).join(', ') }),
      });
    }
    // The card's own photo becomes the lead's card photo (the form holds one; a person's photo
    // first), unless the form has a photo already.
    if (card.pictures.length) void cardPictures(card, displayName(next)).then(([picture]) => picture && setPhoto((had) => had ?? picture));
  };

  const readPayload = (text: string) => {
    const parsed = parseScanPayload(text);
    if (!parsed.ok) {
      notifications.show({ color: 'orange', message: t(parsed.error === 'empty' ? 'capture.scan.empty' : 'capture.scan.unreadable') });
      return;
    }
    fill(parsed.value.cards[0]!);
    notifications.show({ message: t('capture.scan.read', { format: t(`capture.scan.format.${parsed.value.format}`) }) });
    firstField.current?.focus();
  };

  // A USB scanner types like a keyboard, anywhere on this screen. The listener stays for the
  // page's life and calls the newest readPayload (which sees the current form).
  const onScan = useRef(readPayload);
  useEffect(() => {
    onScan.current = readPayload;
  });
  useEffect(() => listenForScans(window, (text) => onScan.current(text)), []);

  const onVcf = (bytes: Uint8Array, file: string) => {
    const parsed = parseVcfFile(bytes);
    if (!parsed.ok) notifications.show({ color: 'orange', message: t('capture.scan.vcfUnreadable', { file }) });
    else if (parsed.value.cards.length === 1 && parsed.value.skipped.length === 0) fill(parsed.value.cards[0]!);
    else setVcf({ file, cards: parsed.value.cards, skipped: parsed.value.skipped });
  };

  const onPhoto = async (file: File) => {
    if (!file.type.startsWith('image/')) {
      notifications.show({ color: 'orange', message: t('capture.scan.photoNotImage', { file: file.name }) });
      return;
    }
    const problem = fileProblem(file);
    if (problem) {
      notifications.show({ color: 'red', message: t(problem, { name: file.name, max: formatFileSize(MAX_ATTACHMENT_BYTES) }) });
      return;
    }
    setPhoto(await prepareFile(file));
  };

  // What is typed is kept while the person is away from the screen (not for a lead opened for
  // correcting and not changed: that one is saved already). Every change, after it.
  useEffect(() => {
    const opened = editing ? toValues(editing.record) : null;
    const keep = () => {
      const values = getValues();
      keepCaptureDraft(worthKeeping(values, photo !== null, opened) ? { values: structuredClone(values), editing, photo, attachTo } : null);
    };
    keep();
    const subscription = form.watch(keep);
    return () => subscription.unsubscribe();
  }, [form, getValues, editing, photo, attachTo]);

  /** What is typed, set aside in the list above the form before another lead takes its place. */
  const setAside = () => {
    const values = getValues();
    if (!worthKeeping(values, photo !== null, editing ? toValues(editing.record) : null)) return;
    const held = { id: crypto.randomUUID(), name: displayName(values) || t('capture.import.noName'), values: withoutBlankAnswers(structuredClone(values)), editing, photo, attachTo };
    setUnsaved((list) => [...list, { ...held, reason: t('capture.setAside') }]);
  };

  const openLead = async (leadId: string) => {
    const opened = await openRecord('leads', leadId);
    if (!opened) return;
    setAside();
    reset(toValues(opened.record));
    setEditing(opened);
    setAttachTo(null);
    setPhoto(null);
    setRestored(false);
    firstField.current?.focus();
  };

  // "Edit in capture form" from a lead's details opens #/capture?lead=<id>: load it, then drop
  // the parameter so "Save and next" continues with an empty form.
  const [params, setParams] = useSearchParams();
  const leadParam = params.get('lead');
  useEffect(() => {
    if (!leadParam) return;
    // openLead sets state only after reading the lead (asynchronously), once per link.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void openLead(leadParam).then(() => setParams({}, { replace: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per link: openLead is a new function every render
  }, [leadParam, setParams]);

  const attach = (m: LikelyMatch) => {
    if (!m.clientId) return;
    setAttachTo({ clientId: m.clientId, contactId: m.contactId, name: m.kind === 'contact' && m.person ? `${m.person} (${m.title})` : m.title });
  };

  return (
    <ScrollArea h="100%" onKeyDown={onKeyDown}>
      <Box p="md" maw={1200}>
        <Group justify="space-between" mb="sm">
          <Title order={2}>{t('capture.title')}</Title>
          <Group gap="xs">
            <Select
              aria-label={t('capture.event')}
              placeholder={t('capture.noEvent')}
              data={liveEvents.map((e) => ({ value: e.id, label: e.name }))}
              value={event?.id ?? null}
              onChange={(id) => void setActiveEvent(id)}
              clearable
              w={260}
            />
            {event && <EventLeadCount eventId={event.id} />}
          </Group>
        </Group>
        {!event && activeId !== undefined && (
          <Alert color="yellow" mb="sm" py={6}>
            {t('capture.noEventHint')}
          </Alert>
        )}
        {editing && (
          <Alert color="blue" mb="sm" py={6}>
            <Group justify="space-between">
              <Text size="sm">{t('capture.editing', { when: formatDateTime(editing.record.capturedAt) })}</Text>
              <Button size="compact-xs" variant="subtle" onClick={startOver}>
                {t('capture.stopEditing')}
              </Button>
            </Group>
          </Alert>
        )}
        {attachTo && (
          <Alert color="green" mb="sm" py={6}>
            <Group justify="space-between">
              <Text size="sm">{t('capture.matches.attachedTo', { name: attachTo.name })}</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setAttachTo(null)}>
                {t('capture.matches.detach')}
              </Button>
            </Group>
          </Alert>
        )}
        {restored && (
          <Alert color="blue" mb="sm" py={6} data-testid="capture-draft-restored">
            {t('capture.draftRestored')}
          </Alert>
        )}
        {failure && (
          <Alert color="red" mb="sm" py={6} data-testid="capture-not-saved">
            {failure}
          </Alert>
        )}
        {/* Leads kept aside live only in this screen until they are saved. */}
        {unsaved.length > 0 && <UnsavedLeads control={control} leads={unsaved} onPutBack={putBack} />}
        <Grid gap="lg">
          <Grid.Col span={8}>
            <form onSubmit={(e) => void save(e)} onKeyDown={keepEnterInLists} noValidate aria-label={t('capture.title')} {...{ [KEPT_AS_TYPED]: '' }}>
              <Stack gap="sm">
                <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
                  <CaptureTextField form={form} name="personName" label={t('capture.personName')} autoFocus inputRef={firstField} markUnclear />
                  <CaptureTextField form={form} name="companyName" label={t('capture.companyName')} markUnclear />
                  <CapturePhoneField form={form} label={t('capture.phone')} regions={regions} />
                  <CaptureTextField form={form} name="email" label={t('capture.email')} type="email" />
                  <CaptureTextField form={form} name="position" label={t('capture.position')} markUnclear />
                  <SimpleGrid cols={2} spacing="sm">
                    <CaptureTextField form={form} name="city" label={t('capture.city')} markUnclear />
                    <Controller
                      control={control}
                      name="country"
                      render={({ field, fieldState }) => (
                        <Select
                          label={t('capture.country')}
                          data={countries}
                          searchable
                          clearable
                          // Typing "Ger" highlights Germany: Enter picks it (keepEnterInLists).
                          selectFirstOptionOnChange
                          value={field.value || null}
                          onChange={(v) => field.onChange(v ?? '')}
                          error={fieldError(fieldState.error)}
                        />
                      )}
                    />
                  </SimpleGrid>
                </SimpleGrid>
                <Controller
                  control={control}
                  name="interests"
                  render={({ field }) => (
                    <TagsInput label={t('capture.interests')} placeholder={t('capture.interestsPlaceholder')} data={event?.productGroups ?? []} value={field.value} onChange={field.onChange} />
                  )}
                />
                <Controller
                  control={control}
                  name="rating"
                  render={({ field }) => (
                    <Stack gap={2}>
                      <Text size="sm" fw={500} id="capture-rating-label">
                        {t('capture.rating')}
                      </Text>
                      <SegmentedControl
                        aria-labelledby="capture-rating-label"
                        data={[{ value: '', label: t('capture.noRating') }, ...RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))]}
                        value={field.value ?? ''}
                        onChange={(v) => field.onChange(v === '' ? null : v)}
                        color={field.value === 'hot' ? 'red' : field.value === 'warm' ? 'orange' : field.value === 'cold' ? 'blue' : 'gray'}
                      />
                    </Stack>
                  )}
                />
                {event && <QuestionFields questions={event.questions} control={control} />}
                <SimpleGrid cols={2} spacing="sm">
                  <Controller
                    control={control}
                    name="nextStep"
                    render={({ field }) => (
                      <NativeSelect
                        id="capture-next-step"
                        label={t('capture.nextStep')}
                        data={[{ value: '', label: t('capture.noNextStep') }, ...NEXT_STEPS.map((s) => ({ value: s, label: t(`nextStep.${s}`) }))]}
                        value={field.value ?? ''}
                        onChange={(e) => setNextStep((e.currentTarget.value || null) as NextStep | null)}
                      />
                    )}
                  />
                  <CaptureDateField form={form} name="nextStepOn" label={t('capture.nextStepOn')} />
                </SimpleGrid>
                <CaptureTextField form={form} name="notes" label={t('capture.notes')} multiline markUnclear />
                <CardFields form={form} />
                <Group justify="space-between">
                  <Text size="sm" c="green" aria-live="polite" data-testid="capture-saved">
                    {lastSaved}
                  </Text>
                  <Group gap="xs">
                    <Button variant="default" onClick={startOver}>
                      {t('capture.clear')}
                    </Button>
                    <Button type="submit" rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>}>
                      {t('capture.saveNext')}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            </form>
          </Grid.Col>
          <Grid.Col span={4}>
            <Stack gap="md">
              <MatchesPanel form={form} excludeLeadId={editing?.record.id ?? null} regions={regions} onAttach={attach} onOpenLead={openLead} paused={vcf !== null} />
              <CardScanner onCode={readPayload} onVcf={onVcf} onPhoto={(f) => void onPhoto(f)} onRemovePhoto={() => setPhoto(null)} photoUrl={photoUrl} />
              <Card withBorder padding="xs">
                <Text size="xs" fw={600} mb={4}>
                  {t('capture.keysTitle')}
                </Text>
                <List size="xs" spacing={2}>
                  <List.Item>
                    <Kbd size="xs">Ctrl+Enter</Kbd> {t('capture.keys.saveNext')}
                  </List.Item>
                  <List.Item>
                    <Kbd size="xs">Alt+1/2/3</Kbd> {t('capture.keys.rating')}
                  </List.Item>
                  <List.Item>
                    <Kbd size="xs">Alt+Q</Kbd> {t('capture.keys.questions')}
                  </List.Item>
                  <List.Item>
                    <Kbd size="xs">Alt+C/O/S/I</Kbd> {t('capture.keys.nextStep')}
                  </List.Item>
                </List>
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      </Box>
      {vcf && (
        <VcfImport
          vcf={vcf}
          onClose={() => setVcf(null)}
          onFillFirst={() => {
            if (vcf.cards[0]) fill(vcf.cards[0]);
            setVcf(null);
          }}
          onOpenLead={(id) => {
            setVcf(null);
            void openLead(id);
          }}
        />
      )}
    </ScrollArea>
  );
});
