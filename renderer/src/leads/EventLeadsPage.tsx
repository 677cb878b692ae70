import { useMemo, useState, useSyncExternalStore } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  Menu,
  Modal,
  MultiSelect,
  ScrollArea,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconBan,
  IconDots,
  IconDownload,
  IconExternalLink,
  IconEye,
  IconLink,
  IconPencil,
  IconTargetArrow,
  IconTrash,
  IconUserPlus,
} from '@tabler/icons-react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, RATINGS, type FieldEvent, type Lead, type LeadStatus } from '../../../core/leads/lead-model';
import { CommandError } from '../data/clients/commands';
import { assignLeads, attachLead, convertLead, discardLead, setActiveEvent } from '../data/leads/leads';
import { deleteLead } from '../data/trash';
import { DeleteConfirm, type DeleteTarget } from '../trash/DeleteConfirm';
import { NO_EVENT, useActiveEventId, useEvent, useEventLeads } from '../data/leads/lead-queries';
import { useContacts, useTeam } from '../data/clients/queries';
import { clientSearch } from '../data/clients/client-base';
import { NO_FILTERS } from '../data/clients/client-search';
import { getPlatform } from '../platform';
import { formatDate, formatDateTime } from '../i18n/format';
import { useSaveFailedMessage } from '../clients/form-helpers';
import { personName, pickable, useTeamNames } from '../clients/team';
import { ANSWERED, NO_LEAD_FILTERS, answerFilterValues, byCapturedDesc, filterLeads, type LeadFilters } from './event-stats';
import { LEAD_CSV_COLUMNS, csvFileName, leadsToCsv, type LeadCsvText } from './lead-csv';
import { EventSummary } from './EventSummary';
import { LeadDetails } from './LeadDetails';
import { RATING_COLORS, STATUS_COLORS, leadWho } from './lead-display';
import { formatEventDates } from './EventsPage';

/**
 * The message for a failed command: a CommandError carries an i18n key ('errors.lead_not_found'),
 * anything else is a save that failed (full disk, database error).
 */
export function useCommandFailed() {
  const { t } = useTranslation();
  const saveFailed = useSaveFailedMessage();
  return (e: unknown) => (e instanceof CommandError ? t(e.message, { defaultValue: t('errors.invalid') }) : saveFailed(e));
}

/**
 * An event's page: its leads (filters, bulk assign, convert/attach/discard, CSV) and its summary.
 * `?lead=<id>` opens that lead's details, so a lead can be linked to and the drawer survives a reload.
 */
export function EventLeadsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { eventId } = useParams();
  const stored = useEvent(eventId === NO_EVENT ? undefined : eventId);
  const withoutEvent = useMemo(() => noEvent(t('eventLeads.noEventTitle')), [t]);
  const event = eventId === NO_EVENT ? withoutEvent : stored;
  const leads = useEventLeads(eventId);
  if (event === undefined || leads === undefined) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  if (event === null) {
    return (
      <Center h="100%">
        <Stack align="center">
          <Text>{t('eventLeads.notFound')}</Text>
          <Button variant="subtle" onClick={() => void navigate('/events')}>
            {t('eventLeads.backToEvents')}
          </Button>
        </Stack>
      </Center>
    );
  }
  return <EventPage key={event.id} event={event} leads={leads} />;
}

/**
 * What the page shows for leads captured with no event: an event with nothing of its own (no
 * questions, groups or dates), under NO_EVENT's id.
 */
function noEvent(name: string): FieldEvent {
  const none = { venue: '', city: '', country: '', startsOn: '', endsOn: '', booth: '', createdAt: '', updatedAt: '' };
  return { ...none, id: NO_EVENT, name, kind: 'trade_fair', teamIds: [], productGroups: [], questions: [], archivedAt: null };
}

function EventPage({ event, leads }: { event: FieldEvent; leads: Lead[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const activeId = useActiveEventId();
  const failed = useCommandFailed();
  const [tab, setTab] = useState<string | null>('leads');
  const [filters, setFilters] = useState<LeadFilters>(NO_LEAD_FILTERS);
  const shown = useMemo(() => filterLeads([...leads].sort(byCapturedDesc), filters), [leads, filters]);
  const [params, setParams] = useSearchParams();
  // From all the event's leads, not the filtered ones: the open lead stays open (and live) when a
  // filter or an edit elsewhere would hide its row.
  const openLead = leads.find((l) => l.id === params.get('lead')) ?? null;
  const showLead = (id: string | null) => setParams(id ? { lead: id } : {}, { replace: true });
  const place = [event.venue, event.city].filter(Boolean).join(', ');
  const isEvent = event.id !== NO_EVENT;

  const captureHere = async () => {
    try {
      await setActiveEvent(event.id);
      void navigate('/capture');
    } catch (e) {
      notifications.show({ color: 'red', message: failed(e) });
    }
  };

  return (
    <ScrollArea h="100%">
      <Box px="lg" py="md">
        <Group justify="space-between" align="flex-start" mb="md">
          <Box>
            <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} onClick={() => void navigate('/events')} mb={4}>
              {t('eventLeads.backToEvents')}
            </Button>
            <Group gap="xs">
              <Title order={2} data-testid="event-title">
                {event.name}
              </Title>
              {activeId === event.id && (
                <Badge color="teal" variant="filled" data-testid="active-badge">
                  {t('events.active')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {isEvent ? (
                <>
                  {t(`eventKind.${event.kind}`)} · {formatEventDates(event)}
                  {place && ` · ${place}`}
                  {event.booth && ` · ${t('events.booth', { booth: event.booth })}`}
                </>
              ) : (
                t('eventLeads.noEventHint')
              )}
            </Text>
          </Box>
          {isEvent && (
            <Group gap="xs">
              <Button color="teal" leftSection={<IconTargetArrow size={16} />} onClick={() => void captureHere()}>
                {t('eventLeads.captureHere')}
              </Button>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => void navigate(`/events/${event.id}/edit`)}>
                {t('eventLeads.editEvent')}
              </Button>
            </Group>
          )}
        </Group>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="leads">{t('eventLeads.tabLeads', { count: leads.length })}</Tabs.Tab>
            {isEvent && <Tabs.Tab value="summary">{t('eventLeads.tabSummary')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="leads">
            <LeadFilterBar event={event} filters={filters} onChange={setFilters} />
            <LeadTable event={event} leads={shown} total={leads.length} onOpen={showLead} />
          </Tabs.Panel>
          <Tabs.Panel value="summary">
            <EventSummary event={event} leads={leads} />
          </Tabs.Panel>
        </Tabs>
      </Box>
      <LeadDetails lead={openLead} event={event} onClose={() => showLead(null)} />
    </ScrollArea>
  );
}

function LeadFilterBar({ event, filters, onChange }: { event: FieldEvent; filters: LeadFilters; onChange: (f: LeadFilters) => void }) {
  const { t } = useTranslation();
  const team = useTeam() ?? [];
  const question = event.questions.find((q) => q.id === filters.answer?.questionId) ?? null;
  const answerLabel = (value: string) => (value === ANSWERED ? t('eventLeads.answered') : value === 'yes' || value === 'no' ? t(`eventLeads.${value}`) : value);
  const filtered = filters.ratings.length > 0 || filters.statuses.length > 0 || filters.ownerId !== null || filters.answer !== null;
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
      <MultiSelect
        w={200}
        label={t('eventLeads.filterRating')}
        placeholder={filters.ratings.length ? undefined : t('eventLeads.any')}
        data={[...RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) })), { value: 'none', label: t('rating.none') }]}
        value={filters.ratings}
        onChange={(v) => onChange({ ...filters, ratings: v as LeadFilters['ratings'] })}
        clearable
      />
      <MultiSelect
        w={220}
        label={t('eventLeads.filterStatus')}
        placeholder={filters.statuses.length ? undefined : t('eventLeads.any')}
        data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leadStatus.${s}`) }))}
        value={filters.statuses}
        onChange={(v) => onChange({ ...filters, statuses: v as LeadStatus[] })}
        clearable
      />
      <Select
        w={200}
        label={t('eventLeads.filterOwner')}
        placeholder={t('eventLeads.any')}
        data={team.map((m) => ({ value: m.id, label: personName(m, t) }))}
        value={filters.ownerId}
        onChange={(v) => onChange({ ...filters, ownerId: v })}
        searchable
        clearable
      />
      {event.questions.length > 0 && (
        <>
          <Select
            w={220}
            label={t('eventLeads.filterQuestion')}
            placeholder={t('eventLeads.any')}
            data={event.questions.map((q) => ({ value: q.id, label: q.label }))}
            value={question?.id ?? null}
            onChange={(id) => {
              const q = event.questions.find((x) => x.id === id);
              const first = q ? answerFilterValues(q)[0] : undefined;
              onChange({ ...filters, answer: q && first !== undefined ? { questionId: q.id, value: first } : null });
            }}
            clearable
          />
          {question && (
            <Select
              w={200}
              label={t('eventLeads.filterAnswer')}
              data={answerFilterValues(question).map((v) => ({ value: v, label: answerLabel(v) }))}
              value={filters.answer?.value ?? null}
              onChange={(v) => v !== null && onChange({ ...filters, answer: { questionId: question.id, value: v } })}
              allowDeselect={false}
            />
          )}
        </>
      )}
      {filtered && (
        <Button variant="subtle" onClick={() => onChange(NO_LEAD_FILTERS)}>
          {t('eventLeads.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

/** Clicks on the row's own controls (checkbox, menu, links) are theirs, not "open the lead". */
const isControl = (target: EventTarget) => target instanceof Element && target.closest('button, input, a, label, [role="menuitem"], [role="menu"]') !== null;

function LeadTable({ event, leads, total, onOpen }: { event: FieldEvent; leads: Lead[]; total: number; onOpen: (leadId: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const owners = useTeamNames();
  const team = useTeam() ?? [];
  const failed = useCommandFailed();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assignTo, setAssignTo] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState<Lead | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [attaching, setAttaching] = useState<Lead | null>(null);
  const [converted, setConverted] = useState<{ clientId: string; name: string } | null>(null);

  // Only what is on screen can be acted on: a lead filtered away leaves the selection.
  const visibleSelected = leads.filter((l) => selected.has(l.id)).map((l) => l.id);
  const allSelected = leads.length > 0 && visibleSelected.length === leads.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const assign = async () => {
    if (!assignTo || visibleSelected.length === 0) return;
    try {
      await assignLeads(visibleSelected, assignTo);
      notifications.show({ color: 'green', message: t('eventLeads.assigned', { count: visibleSelected.length, name: owners.get(assignTo) ?? '' }) });
      setSelected(new Set());
      setAssignTo(null);
    } catch (e) {
      notifications.show({ color: 'red', message: failed(e) });
    }
  };

  const convert = async (lead: Lead) => {
    try {
      const { client } = await convertLead(lead.id);
      setConverted({ clientId: client.id, name: client.name });
    } catch (e) {
      notifications.show({ color: 'red', message: failed(e) });
    }
  };

  const exportCsv = async () => {
    const text: LeadCsvText = {
      columns: Object.fromEntries(LEAD_CSV_COLUMNS.map((c) => [c, t(`eventLeads.csv.${c}`)])) as LeadCsvText['columns'],
      rating: (r) => t(`rating.${r}`),
      status: (s) => t(`leadStatus.${s}`),
      nextStep: (s) => t(`nextStep.${s}`),
      owner: (id) => owners.get(id) ?? id,
      yes: t('eventLeads.yes'),
      no: t('eventLeads.no'),
    };
    try {
      const result = await getPlatform().saveFile({
        suggestedName: csvFileName(event.name),
        filters: [{ name: t('eventLeads.csvFilter'), extensions: ['csv'] }],
        data: leadsToCsv(leads, event, text),
      });
      if (!result.ok) notifications.show({ color: 'red', message: t('eventLeads.exportFailed', { error: result.error }) });
      else if (result.value.saved) notifications.show({ color: 'green', message: t('eventLeads.exported', { count: leads.length }) });
    } catch (e) {
      notifications.show({ color: 'red', message: t('eventLeads.exportFailed', { error: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <>
      <Group justify="space-between" mb="xs" mih={36}>
        <Text size="sm" c="dimmed" data-testid="lead-count" data-count={leads.length}>
          {leads.length === total ? t('eventLeads.count', { count: total }) : t('eventLeads.countOf', { shown: leads.length, total, count: total })}
        </Text>
        <Group gap="xs">
          {visibleSelected.length > 0 && (
            <Group gap="xs" data-testid="bulk-bar">
              <Text size="sm" fw={600}>
                {t('eventLeads.selected', { count: visibleSelected.length })}
              </Text>
              <Select
                w={200}
                size="sm"
                aria-label={t('eventLeads.assignTo')}
                placeholder={t('eventLeads.assignTo')}
                // Whom a lead may go to, as the company server says (server/sync/people.ts): nobody who left, no admin.
                data={pickable(team)
                  .filter((m) => m.role !== 'admin')
                  .map((m) => ({ value: m.id, label: m.name }))}
                value={assignTo}
                onChange={setAssignTo}
                searchable
              />
              <Button size="sm" leftSection={<IconUserPlus size={16} />} disabled={!assignTo} onClick={() => void assign()}>
                {t('eventLeads.assign')}
              </Button>
            </Group>
          )}
          <Button variant="default" size="sm" leftSection={<IconDownload size={16} />} disabled={leads.length === 0} onClick={() => void exportCsv()}>
            {t('eventLeads.exportCsv')}
          </Button>
        </Group>
      </Group>
      {leads.length === 0 ? (
        <Card withBorder p="xl">
          <Text fw={600}>{total === 0 ? t('eventLeads.empty') : t('eventLeads.emptyFiltered')}</Text>
          {total === 0 && (
            <Text size="sm" c="dimmed">
              {t('eventLeads.emptyHint')}
            </Text>
          )}
        </Card>
      ) : (
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="lead-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('eventLeads.selectAll')}
                  checked={allSelected}
                  indeterminate={visibleSelected.length > 0 && !allSelected}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set(leads.map((l) => l.id)) : new Set())}
                />
              </Table.Th>
              <Table.Th>{t('eventLeads.colPerson')}</Table.Th>
              <Table.Th>{t('eventLeads.colCompany')}</Table.Th>
              <Table.Th>{t('eventLeads.colRating')}</Table.Th>
              <Table.Th>{t('eventLeads.colStatus')}</Table.Th>
              <Table.Th>{t('eventLeads.colOwner')}</Table.Th>
              <Table.Th>{t('eventLeads.colNextStep')}</Table.Th>
              <Table.Th>{t('eventLeads.colCaptured')}</Table.Th>
              <Table.Th w={44}>
                <Box component="span" style={visuallyHidden}>
                  {t('eventLeads.colActions')}
                </Box>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leads.map((lead) => {
              const who = leadWho(lead);
              return (
                <Table.Tr
                  key={lead.id}
                  data-testid="lead-row"
                  data-lead-id={lead.id}
                  bg={selected.has(lead.id) ? 'blue.0' : undefined}
                  style={{ cursor: 'pointer' }}
                  // The "Open" item of the row's menu is the keyboard way to the same details.
                  onClick={(e) => !isControl(e.target) && onOpen(lead.id)}
                >
                  <Table.Td>
                    <Checkbox aria-label={t('eventLeads.select', { name: who })} checked={selected.has(lead.id)} onChange={(e) => toggle(lead.id, e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} data-testid="lead-person">
                      {lead.personName || who}
                    </Text>
                    {lead.position && (
                      <Text size="xs" c="dimmed">
                        {lead.position}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{lead.companyName}</Text>
                    {lead.city && (
                      <Text size="xs" c="dimmed">
                        {lead.city}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {lead.rating ? (
                      <Badge color={RATING_COLORS[lead.rating]} variant="light" size="sm">
                        {t(`rating.${lead.rating}`)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('rating.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[lead.status]} variant={lead.status === 'new' ? 'outline' : 'light'} size="sm" title={lead.discardReason || undefined}>
                      {t(`leadStatus.${lead.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{owners.get(lead.ownerId) ?? t('eventLeads.unknownOwner')}</Text>
                  </Table.Td>
                  <Table.Td>
                    {lead.nextStep && (
                      <Text size="sm">
                        {t(`nextStep.${lead.nextStep}`)}
                        {lead.nextStepOn && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            {formatDate(lead.nextStepOn)}
                          </Text>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(lead.capturedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('eventLeads.actionsFor', { name: who })}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconEye size={14} />} onClick={() => onOpen(lead.id)}>
                          {t('eventLeads.open')}
                        </Menu.Item>
                        {lead.clientId ? (
                          <Menu.Item leftSection={<IconExternalLink size={14} />} onClick={() => void navigate(`/clients/${lead.clientId}`)}>
                            {t('eventLeads.openClient')}
                          </Menu.Item>
                        ) : (
                          <>
                            <Menu.Item leftSection={<IconUserPlus size={14} />} onClick={() => void convert(lead)}>
                              {t('eventLeads.convert')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconLink size={14} />} onClick={() => setAttaching(lead)}>
                              {t('eventLeads.attach')}
                            </Menu.Item>
                          </>
                        )}
                        {lead.status !== 'discarded' && (
                          <Menu.Item color="red" leftSection={<IconBan size={14} />} onClick={() => setDiscarding(lead)}>
                            {t('eventLeads.discard')}
                          </Menu.Item>
                        )}
                        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting({ kind: 'leads', name: who, remove: () => deleteLead(lead.id) })}>
                          {t('trash.delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <DiscardDialog lead={discarding} onClose={() => setDiscarding(null)} />
      <DeleteConfirm target={deleting} onClose={() => setDeleting(null)} />
      {attaching && <AttachDialog lead={attaching} onClose={() => setAttaching(null)} />}
      <Modal opened={converted !== null} onClose={() => setConverted(null)} title={t('eventLeads.convertedTitle')}>
        <Text size="sm">{t('eventLeads.convertedText', { name: converted?.name ?? '' })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConverted(null)}>
            {t('eventLeads.stayHere')}
          </Button>
          <Button data-autofocus onClick={() => converted && void navigate(`/clients/${converted.clientId}`)}>
            {t('eventLeads.openClient')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** Hidden on screen, read by screen readers (a column header without visible text). */
const visuallyHidden: React.CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/** Discards a lead, with the reason it is not a prospect (required). */
function DiscardDialog({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = useCommandFailed();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const discard = async () => {
    if (!lead) return;
    if (!reason.trim()) {
      setError(t('errors.required'));
      return;
    }
    try {
      await discardLead(lead.id, reason);
      notifications.show({ color: 'gray', message: t('eventLeads.discarded', { name: leadWho(lead) }) });
      close();
    } catch (e) {
      // The typed reason stays in the dialog.
      setError(failed(e));
    }
  };
  return (
    <Modal opened={lead !== null} onClose={close} title={t('eventLeads.discardTitle', { name: lead ? leadWho(lead) : '' })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void discard();
        }}
      >
        <Textarea
          label={t('eventLeads.discardReason')}
          description={t('eventLeads.discardReasonHint')}
          withAsterisk
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" color="red">
            {t('eventLeads.discard')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}

/** The first matches of the in-memory client search (the one the client list uses). */
function useClientMatches(text: string, limit = 30) {
  const version = useSyncExternalStore(clientSearch.subscribe, clientSearch.getVersion);
  return useMemo(() => {
    const result = clientSearch.search(text, NO_FILTERS, 'name');
    return Array.from(result.positions.subarray(0, limit), (p) => result.rows[p]!);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version is the cache key for the rows
  }, [text, limit, version]);
}

/** Links a lead to an existing client (and one of its contacts) instead of creating a new one. */
function AttachDialog({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = useCommandFailed();
  const [search, setSearch] = useState(lead.companyName || lead.personName);
  const [clientId, setClientId] = useState<string | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const matches = useClientMatches(search);
  const contacts = useContacts(clientId ?? undefined) ?? [];
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  // The picked client stays an option while the search text shows its name.
  const options = matches.map((r) => ({ value: r.id, label: r.city ? `${r.name} · ${r.city}` : r.name }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);

  const attach = async () => {
    if (!clientId) return;
    try {
      await attachLead(lead.id, clientId, contactId);
      notifications.show({ color: 'green', message: t('eventLeads.attached', { name: leadWho(lead), client: picked?.label ?? '' }) });
      onClose();
    } catch (e) {
      notifications.show({ color: 'red', message: failed(e) });
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('eventLeads.attachTitle', { name: leadWho(lead) })}>
      <Stack gap="sm">
        <Select
          label={t('eventLeads.client')}
          placeholder={t('eventLeads.clientPlaceholder')}
          data-autofocus
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          // The in-memory client search already matched (any script, legal forms, phones).
          filter={({ options: all }) => all}
          data={options}
          value={clientId}
          onChange={(id, option) => {
            setClientId(id);
            setContactId(null);
            setPicked(id ? { value: id, label: option?.label ?? '' } : null);
          }}
          nothingFoundMessage={t('eventLeads.noClients')}
          clearable
        />
        <Select
          label={t('eventLeads.contact')}
          placeholder={lead.personName ? t('eventLeads.contactNew', { name: lead.personName }) : t('eventLeads.contactPlaceholder')}
          data={contacts.filter((c) => !c.archivedAt).map((c) => ({ value: c.id, label: c.position ? `${c.name} · ${c.position}` : c.name }))}
          value={contactId}
          onChange={setContactId}
          disabled={!clientId}
          clearable
        />
        <Text size="xs" c="dimmed">
          {t('eventLeads.attachCarries')}
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button disabled={!clientId} onClick={() => void attach()}>
            {t('eventLeads.attachConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
