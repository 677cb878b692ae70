/**
 * A lead opened from its event's list: everything captured at the booth in a drawer beside the
 * list — who, their company, the answers, the next step, what became of the lead — with the
 * business-card photo, read from this laptop or fetched from the company server the first time.
 */
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Card, Divider, Drawer, Group, Image, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconRefresh } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldEvent, Lead } from '../../../core/leads/lead-model';
import type { AttachmentRef } from '../../../core/sync/attachments';
import { AttachmentError, useLocalAttachments } from '../data/attachments';
import { useClient, useContact } from '../data/clients/queries';
import { attachmentBlob } from '../sync/attachment-bytes';
import { useSyncState } from '../sync/sync-controller';
import { SyncFailure } from '../sync/transport';
import { formatDate, formatDateTime, formatFileSize, wordsLocale } from '../i18n/format';
import { ExternalLink } from '../clients/ExternalLink';
import { PhoneValue } from '../clients/PhoneValue';
import { useTeamNames } from '../clients/team';
import { answerLines, answerText } from './lead-answers';
import { emailKey } from '../../../core/leads/match-keys';
import { addressLine } from './card-labels';
import { birthdayText, CountryText } from './CardFields';
import { RATING_COLORS, STATUS_COLORS, leadWho } from './lead-display';
import { TextWithMark } from './UnclearMark';
import { useStartOffer } from '../offers/ClientOffers';

/**
 * The drawer of one lead. `lead` null closes it; the last lead stays rendered while the drawer
 * slides out, so the content does not vanish before the drawer does.
 */
export function LeadDetails({ lead, event, onClose }: { lead: Lead | null; event: FieldEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [shown, setShown] = useState(lead);
  if (lead && lead !== shown) setShown(lead);
  return (
    <Drawer
      opened={lead !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        shown && (
          <Title order={3} component="span">
            {leadWho(shown)}
          </Title>
        )
      }
    >
      {shown && (
        <Stack gap="md" data-testid="lead-details" data-lead-id={shown.id}>
          <Group justify="space-between">
            <LeadBadges lead={shown} />
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => void navigate(`/capture?lead=${shown.id}`)}>
              {t('leadDetails.edit')}
            </Button>
          </Group>
          <LeadFields lead={shown} event={event} />
        </Stack>
      )}
    </Drawer>
  );
}

/** A label over its value; nothing at all when there is no value. */
function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <Box data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Box fz="sm">{children}</Box>
    </Box>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Divider label={title} labelPosition="left" mb="xs" />
      {children}
    </Box>
  );
}

/** The lead's rating and status at a glance. */
function LeadBadges({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {lead.rating ? (
        <Badge color={RATING_COLORS[lead.rating]} variant="light" data-testid="lead-details-rating">
          {t(`rating.${lead.rating}`)}
        </Badge>
      ) : (
        <Badge color="gray" variant="outline" data-testid="lead-details-rating">
          {t('rating.none')}
        </Badge>
      )}
      <Badge color={STATUS_COLORS[lead.status]} variant={lead.status === 'new' ? 'outline' : 'light'} data-testid="lead-details-status">
        {t(`leadStatus.${lead.status}`)}
      </Badge>
    </Group>
  );
}

/** Everything captured about the lead, section by section. */
function LeadFields({ lead, event }: { lead: Lead; event: FieldEvent }) {
  const { t } = useTranslation();
  const people = useTeamNames();
  const name = (id: string) => people.get(id) ?? t('eventLeads.unknownOwner');
  const country = lead.country ? (new Intl.DisplayNames([wordsLocale()], { type: 'region' }).of(lead.country) ?? lead.country) : '';
  const answers = answerLines(event.questions, lead.answers);
  const words = { yes: t('eventLeads.yes'), no: t('eventLeads.no') };
  const photos = lead.attachments ?? [];
  // A lead written before the card fields existed has none of them.
  const otherPhones = lead.otherPhones ?? [];
  const otherEmails = lead.otherEmails ?? [];
  const websites = lead.websites ?? [];
  const addresses = lead.addresses ?? [];
  const departments = lead.departments ?? [];

  return (
    <>
      <Section title={t('leadDetails.person')}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <Field label={t('capture.personName')} testId="lead-details-name">
            {lead.personName && <TextWithMark value={lead.personName} />}
          </Field>
          <Field label={t('capture.position')}>
            {lead.position && <TextWithMark value={lead.position} />}
          </Field>
          <Field label={t('capture.phone')} testId="lead-details-phone">
            {lead.phone && <PhoneLine number={lead.phone} kind={lead.phoneKind ?? ''} label="" />}
          </Field>
          <Field label={t('capture.email')} testId="lead-details-email">
            {lead.email && <ExternalLink href={`mailto:${lead.email}`}>{lead.email}</ExternalLink>}
          </Field>
          <Field label={t('capture.card.otherPhones')} testId="lead-details-other-phones">
            {otherPhones.length > 0 && (
              <Stack gap={0}>
                {otherPhones.map((p, i) => (
                  <PhoneLine key={i} number={p.number} kind={p.kind} label={p.label} />
                ))}
              </Stack>
            )}
          </Field>
          <Field label={t('capture.card.otherEmails')} testId="lead-details-other-emails">
            {otherEmails.length > 0 && (
              <Stack gap={0}>
                {otherEmails.map((e) =>
                  emailKey(e) ? (
                    <Text key={e} size="sm" component="div">
                      <ExternalLink href={`mailto:${e}`}>{e}</ExternalLink>
                    </Text>
                  ) : (
                    <Text key={e} size="sm">
                      {e}{' '}
                      <Badge size="xs" color="orange" variant="light" tt="none">
                        {t('capture.card.notEmail')}
                      </Badge>
                    </Text>
                  ),
                )}
              </Stack>
            )}
          </Field>
          <Field label={t('capture.card.birthday')} testId="lead-details-birthday">
            {lead.birthday && birthdayText(lead.birthday)}
          </Field>
        </SimpleGrid>
      </Section>

      {(lead.companyName || lead.city || country || departments.length > 0 || websites.length > 0 || addresses.length > 0) && (
        <Section title={t('leadDetails.company')}>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <Field label={t('capture.companyName')} testId="lead-details-company">
              {lead.companyName && <TextWithMark value={lead.companyName} />}
            </Field>
            <Field label={t('capture.card.departments')} testId="lead-details-departments">
              {departments.length > 0 && <TextWithMark value={departments.join(' · ')} />}
            </Field>
            <Field label={t('capture.city')}>
              {lead.city && <TextWithMark value={lead.city} />}
            </Field>
            <Field label={t('capture.country')}>{country}</Field>
            <Field label={t('capture.card.websites')} testId="lead-details-websites">
              {websites.length > 0 && (
                <Stack gap={0}>
                  {websites.map((w) => (
                    <WebLink key={w} url={w} />
                  ))}
                </Stack>
              )}
            </Field>
          </SimpleGrid>
          {addresses.length > 0 && (
            <Stack gap={4} mt="xs">
              {addresses.map((a, i) => (
                <Box key={i} data-testid="lead-details-address">
                  <Text size="xs" c="dimmed">
                    {t(`capture.card.addressKind.${a.kind}`)}
                  </Text>
                  <Text size="sm">
                    <TextWithMark value={addressLine({ ...a, country: '' }, () => '', (box) => t('capture.card.poBox', { box }))} />
                    {a.country && (
                      <>
                        {', '}
                        <CountryText value={a.country} />
                      </>
                    )}
                  </Text>
                </Box>
              ))}
            </Stack>
          )}
        </Section>
      )}

      <Section title={t('leadDetails.qualification')}>
        <Stack gap="xs">
          <Field label={t('capture.interests')}>
            {lead.interests.length > 0 && (
              <Group gap={4} mt={2}>
                {lead.interests.map((i) => (
                  <Badge key={i} variant="default" size="sm" tt="none">
                    {i}
                  </Badge>
                ))}
              </Group>
            )}
          </Field>
          {answers.map((line) => (
            <Box key={line.questionId} data-testid="lead-details-answer">
              <Text size="xs" c="dimmed">
                {line.label ?? t('leadDetails.removedQuestion')}
              </Text>
              {line.answer === null ? (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('leadDetails.notAnswered')}
                </Text>
              ) : (
                <Text size="sm">{answerText(line.answer, words)}</Text>
              )}
            </Box>
          ))}
          {lead.interests.length === 0 && answers.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('leadDetails.noQualification')}
            </Text>
          )}
        </Stack>
      </Section>

      {(lead.notes || lead.nextStep) && (
        <Section title={t('leadDetails.followUp')}>
          <Stack gap="xs">
            <Field label={t('capture.nextStep')} testId="lead-details-next-step">
              {lead.nextStep && [t(`nextStep.${lead.nextStep}`), lead.nextStepOn && formatDate(lead.nextStepOn)].filter(Boolean).join(' · ')}
            </Field>
            <Field label={t('capture.notes')} testId="lead-details-notes">
              {lead.notes && (
                <Text style={{ whiteSpace: 'pre-wrap' }}>
                  <TextWithMark value={lead.notes} />
                </Text>
              )}
            </Field>
          </Stack>
        </Section>
      )}

      <Section title={t('leadDetails.outcome')}>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <Field label={t('leadDetails.discardReason')}>{lead.status === 'discarded' && lead.discardReason}</Field>
          {lead.clientId && <LinkedClient clientId={lead.clientId} contactId={lead.contactId} leadId={lead.id} />}
          <Field label={t('eventLeads.colOwner')} testId="lead-details-owner">
            {name(lead.ownerId)}
          </Field>
          <Field label={t('leadDetails.capturedBy')} testId="lead-details-captured-by">
            {t('leadDetails.capturedByOn', { name: name(lead.capturedBy), when: formatDateTime(lead.capturedAt) })}
          </Field>
        </SimpleGrid>
      </Section>

      <Section title={t('leadDetails.photos')}>
        {photos.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('leadDetails.noPhoto')}
          </Text>
        ) : (
          <Stack gap="sm">
            {photos.map((p) => (
              <LeadPhoto key={p.sha256} file={p} />
            ))}
          </Stack>
        )}
      </Section>
    </>
  );
}

/** A phone with its type ("mobile", "fax", a card's own label). */
function PhoneLine({ number, kind, label }: { number: string; kind: string; label: string }) {
  const { t } = useTranslation();
  const what = [kind && t(`capture.card.phoneKind.${kind}`), label].filter(Boolean).join(' · ');
  return (
    <Text size="sm" component="div">
      <PhoneValue phone={number} />
      {what && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({what})
        </Text>
      )}
    </Text>
  );
}

/** A web address from a card: a link when it is one (https:// added to "www.example.com"), else its text. */
function WebLink({ url }: { url: string }) {
  const href = /^https?:\/\//i.test(url) ? url : /^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(url) ? `https://${url}` : null;
  return (
    <Text size="sm" component="div">
      {href ? <ExternalLink href={href}>{url}</ExternalLink> : url}
    </Text>
  );
}

/** The client (and contact) a lead was attached to or converted into, with a link to the card and an offer to start. */
function LinkedClient({ clientId, contactId, leadId }: { clientId: string; contactId: string | null; leadId: string }) {
  const { t } = useTranslation();
  const startOffer = useStartOffer();
  // Null when the client is not on this laptop (another manager's, out of this person's scope).
  const client = useClient(clientId);
  const contact = useContact(clientId, contactId ?? undefined);
  return (
    <>
      <Field label={t('leadDetails.client')} testId="lead-details-client">
        <Anchor
          component={Link}
          to={`/clients/${clientId}`}
        >
          {client?.name ?? t('eventLeads.openClient')}
        </Anchor>
      </Field>
      <Field label={t('leadDetails.contact')}>{contact?.name}</Field>
      {client && (
        <Button size="xs" variant="light" onClick={() => void startOffer(clientId, leadId)} data-testid="lead-offer">
          {t('offers.new')}
        </Button>
      )}
    </>
  );
}

type PhotoState = { sha256: string; url: string } | { sha256: string; error: string };

/**
 * One card photo. The bytes come from this laptop, or from the company server the first time;
 * a failed download tries again when the connection comes back, or on "Try again".
 */
function LeadPhoto({ file }: { file: AttachmentRef }) {
  const { t } = useTranslation();
  const online = useSyncState((s) => s.online);
  const local = useLocalAttachments([file.sha256]);
  const [state, setState] = useState<PhotoState | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = state?.sha256 === file.sha256 ? state : null;

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    attachmentBlob(file).then(
      (blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setState({ sha256: file.sha256, url });
      },
      (e: unknown) => live && setState({ sha256: file.sha256, error: photoProblem(e, t) }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // `online` and `attempt` are here to try again; the file is identified by its hash.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file.sha256, file.mime, online, attempt]);

  return (
    <Card withBorder padding="xs" data-testid="lead-photo-card">
      {current === null ? (
        <Group gap="xs" data-testid="lead-photo-loading">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('leadDetails.photoLoading')}
          </Text>
        </Group>
      ) : 'url' in current ? (
        <Image src={current.url} alt={t('leadDetails.photoAlt', { name: file.name })} fit="contain" mah={360} radius="sm" data-testid="lead-photo" />
      ) : (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="lead-photo-error">
          <Text size="sm">{current.error}</Text>
          <Button
            mt={6}
            size="compact-xs"
            variant="light"
            color="orange"
            leftSection={<IconRefresh size={12} />}
            onClick={() => {
              setState(null);
              setAttempt((n) => n + 1);
            }}
          >
            {t('leadDetails.photoRetry')}
          </Button>
        </Alert>
      )}
      <Group gap="xs" mt={6}>
        <Text size="xs" c="dimmed" truncate="end">
          {file.name} · {formatFileSize(file.size)}
        </Text>
        {local?.get(file.sha256) === 'pending' && (
          <Badge size="xs" variant="light" color="yellow">
            {t('files.notSent')}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

/** Why a photo cannot be shown, in words the person can act on. */
function photoProblem(e: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (e instanceof SyncFailure) {
    if (e.code === 'offline') return t('leadDetails.photoOffline');
    if (e.body?.error === 'not_found') return t('leadDetails.photoNotOnServer');
    return t(`sync.error.${e.code}`);
  }
  if (e instanceof AttachmentError) return t(e.message);
  return t('leadDetails.photoFailed', { error: e instanceof Error ? e.message : String(e) });
}
