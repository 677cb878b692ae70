import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../core/client-model';
import { DateField } from '../clients/DateField';
import { NumberField } from '../clients/NumberField';
import { unitWord } from '../i18n/units';
import { useClientSearch } from '../data/clients/client-base';
import { NO_FILTERS } from '../data/clients/client-search';

/**
 * A comment for a lifecycle step: optional, or required (the reason an offer goes for approval,
 * what should change when it is returned), with the message `requiredMessage` when missing.
 */
export function CommentDialog(props: {
  opened: boolean;
  title: string;
  label?: string;
  placeholder: string;
  confirmLabel: string;
  required?: boolean;
  requiredMessage?: string;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    if (props.required && !comment.trim()) return setError(props.requiredMessage ?? t('offers.comment.required'));
    props.onConfirm(comment);
    setComment('');
    setError(null);
  };
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} data-testid="comment-dialog">
      <Textarea
        label={props.label ?? t('offers.comment.label')}
        placeholder={props.placeholder}
        autosize
        minRows={3}
        value={comment}
        error={error}
        onChange={(e) => {
          setComment(e.currentTarget.value);
          setError(null);
        }}
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
        <Button onClick={confirm}>{props.confirmLabel}</Button>
      </Group>
    </Modal>
  );
}

/** Quantity, date and note of a request to logistics for an item that is out of stock. */
export function StockRequestDialog(props: { product: { name: string; unit: string } | null; defaultQty: number; defaultDate: string; onCancel: () => void; onConfirm: (r: { qty: number; neededBy: string; note: string }) => void }) {
  const { t } = useTranslation();
  const [qty, setQty] = useState<number>(props.defaultQty);
  const [neededBy, setNeededBy] = useState(props.defaultDate);
  const [note, setNote] = useState('');
  const valid = qty > 0 && /^\d{4}-\d{2}-\d{2}$/.test(neededBy);
  return (
    <Modal opened={props.product !== null} onClose={props.onCancel} title={props.product ? t('offers.request.title', { product: props.product.name }) : ''} data-testid="stock-request-dialog">
      <Stack gap="sm">
        <Group grow>
          <NumberField
            label={t('offers.request.qty')}
            value={qty}
            onChange={setQty}
            rightSection={<Text size="xs" c="dimmed">{props.product ? unitWord(props.product.unit, Number.isFinite(qty) ? qty : 2, t) : ''}</Text>}
            error={qty > 0 ? undefined : t('errors.quantity')}
            testId="request-qty"
          />
          <DateField label={t('offers.request.neededBy')} value={neededBy} onChange={setNeededBy} error={/^\d{4}-\d{2}-\d{2}$/.test(neededBy) ? undefined : t('errors.date')} testId="request-needed-by" />
        </Group>
        <Textarea label={t('offers.request.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
        <Button disabled={!valid} onClick={() => valid && props.onConfirm({ qty, neededBy, note })}>
          {t('offers.request.send')}
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * Sending an offer: save the PDF, open an email draft to a contact of the client (a `mailto:`
 * link cannot carry the PDF, so the person attaches the file they saved), then mark it sent —
 * or mark it handed over in person. Marking it sent records the activity on the client.
 *
 * "Handed over in person" asks first, in the dialog, saying what it does (the offer becomes Sent,
 * read-only, and an activity is recorded), with whom it was left: it sits beside Cancel and reads
 * like a choice of how to send, not the final step it is. A confirmation rather than an undo: the
 * company server takes a sent offer as the record of what the client was given, and there is no
 * way back from sent once a sync has taken it (docs/architecture.md, "Sending").
 */
export function SendOfferDialog(props: {
  opened: boolean;
  number: string;
  contacts: Contact[];
  onCancel: () => void;
  onSavePdf: () => void;
  onOpenEmail: (contact: Contact, address: string) => void;
  onMarkSent: (how: 'email' | 'visit', contact: Contact | null) => void;
}) {
  const { t } = useTranslation();
  const withEmail = props.contacts.filter((c) => c.emails.length > 0 && !c.archivedAt);
  const options = withEmail.flatMap((c) => c.emails.map((e) => ({ value: `${c.id}|${e.address}`, label: `${c.name} <${e.address}>` })));
  const [choice, setChoice] = useState<string | null>(options[0]?.value ?? null);
  const chosen = choice ? withEmail.find((c) => c.id === choice.split('|')[0]) ?? null : null;
  const [handing, setHanding] = useState(false);
  const [handedTo, setHandedTo] = useState<string | null>(null);
  const present = props.contacts.filter((c) => !c.archivedAt);
  const cancel = () => {
    setHanding(false);
    props.onCancel();
  };
  return (
    <Modal opened={props.opened} onClose={cancel} title={t(handing ? 'offers.send.handTitle' : 'offers.send.title', { number: props.number })} size="lg" data-testid="send-dialog">
      {handing ? (
        <Stack gap="sm" data-testid="hand-over-confirm">
          <Text size="sm">{t('offers.send.handText', { number: props.number })}</Text>
          {present.length > 0 && (
            <Select
              label={t('offers.send.handTo')}
              placeholder={t('offers.send.handToPlaceholder')}
              data={present.map((c) => ({ value: c.id, label: c.position ? `${c.name} · ${c.position}` : c.name }))}
              value={handedTo}
              onChange={setHandedTo}
              clearable
            />
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setHanding(false)}>
              {t('offers.send.handBack')}
            </Button>
            <Button
              data-autofocus
              data-testid="confirm-handed-over"
              onClick={() => {
                setHanding(false);
                setHandedTo(null);
                props.onMarkSent('visit', present.find((c) => c.id === handedTo) ?? null);
              }}
            >
              {t('offers.send.handConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Stack gap="sm">
            {options.length ? (
              <Select label={t('offers.send.contact')} data={options} value={choice} onChange={setChoice} allowDeselect={false} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('offers.send.noEmail')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('offers.send.attachHint')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={props.onSavePdf}>
                {t('offers.send.savePdf')}
              </Button>
              <Button variant="default" disabled={!chosen} onClick={() => chosen && choice && props.onOpenEmail(chosen, choice.split('|')[1]!)}>
                {t('offers.send.openEmail')}
              </Button>
            </Group>
          </Stack>
          <Group justify="space-between" mt="lg">
            <Button variant="subtle" onClick={() => setHanding(true)} data-testid="handed-over">
              {t('offers.send.handedOver')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={cancel}>
                {t('form.cancel')}
              </Button>
              <Button onClick={() => props.onMarkSent('email', chosen)} data-testid="mark-sent">
                {t('offers.send.markSent')}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Modal>
  );
}

/** Picks another client to copy an offer to (searching the whole base). */
export function CopyOfferDialog(props: { opened: boolean; number: string; excludeClientId: string; onCancel: () => void; onConfirm: (clientId: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [clientId, setClientId] = useState<string | null>(null);
  const result = useClientSearch(query, NO_FILTERS, 'name');
  const data = Array.from(result.positions.subarray(0, 31), (p) => result.rows[p]!)
    .filter((r) => r.id !== props.excludeClientId)
    .slice(0, 30)
    .map((r) => ({ value: r.id, label: [r.name, r.city].filter(Boolean).join(' · ') }));
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={t('offers.copy.title', { number: props.number })} data-testid="copy-dialog">
      <Select
        label={t('offers.copy.client')}
        placeholder={t('offers.copy.placeholder')}
        searchable
        searchValue={query}
        onSearchChange={setQuery}
        filter={({ options }) => options}
        data={data}
        value={clientId}
        onChange={setClientId}
        nothingFoundMessage="—"
        data-autofocus
      />
      <Text size="xs" c="dimmed" mt="xs">
        {t('offers.copy.hint')}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onCancel}>
          {t('form.cancel')}
        </Button>
        <Button disabled={!clientId} onClick={() => clientId && props.onConfirm(clientId)}>
          {t('offers.copy.copy')}
        </Button>
      </Group>
    </Modal>
  );
}
