import { useState, type ReactNode } from 'react';
import { Button, Group, Menu, Modal, ScrollArea, Select, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconCopy, IconEye, IconFileTypePdf, IconLanguage, IconSend, IconArrowBackUp, IconGitBranch, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { clientLanguage, type Client, type Contact } from '../../../core/client-model';
import { LANGUAGES, type LanguageCode } from '../../../core/languages';
import type { Offer } from '../../../core/offers/offer-model';
import { mayWithdraw, type OfferAction } from '../../../core/offers/lifecycle';
import { priceOffer } from '../../../core/pricing/price';
import { copyOfferToClient, getOffer, offerAction, reviseOffer, sendOffer, whyNot } from '../data/offers/offers';
import { getProducts, useCompanyProfile } from '../data/catalog/catalog';
import { useCurrentUserId } from '../data/leads/lead-queries';
import { useMyDetails } from '../data/my-details';
import { useTeam } from '../data/clients/queries';
import { getPlatform } from '../platform';
import { formatDate, formatMoney } from '../i18n/format';
import { documentLanguage, documentLanguageOf, paymentTextInClientLanguage } from '../i18n/document-language';
import { useUiLanguage } from '../i18n/language';
import { CommentDialog, CopyOfferDialog, SendOfferDialog } from './OfferDialogs';
import { OfferDocument, type DocumentManager } from './OfferDocument';
import { usePrintDocument } from './print-document';
import { deleteOffer, isOfferDeletable } from '../data/trash';
import { DeleteConfirm, type DeleteTarget } from '../trash/DeleteConfirm';
import { showOnce } from '../clients/form-helpers';

/** Why a step is refused now: one message, replaced by the next refusal rather than added to. */
const REFUSED = 'offer-refused';

type CommentStep = Extract<OfferAction, 'submit_for_approval' | 'approve' | 'return_to_draft' | 'decline'>;

/** The comment dialog of each step: its title, label, placeholder and button (keys under `offers.`), and whether it must be given. */
const COMMENT_STEPS: Record<CommentStep, { title: string; label?: string; placeholder: string; confirm: string; required?: string }> = {
  // The head of sales decides on the manager's reason: it goes with the offer's history step.
  submit_for_approval: { title: 'comment.submitTitle', label: 'comment.submitLabel', placeholder: 'comment.submitPlaceholder', confirm: 'actions.submit', required: 'comment.submitRequired' },
  approve: { title: 'comment.approveTitle', placeholder: 'comment.approvePlaceholder', confirm: 'actions.approve' },
  return_to_draft: { title: 'comment.returnTitle', placeholder: 'comment.returnPlaceholder', confirm: 'actions.returnToDraft', required: 'comment.required' },
  decline: { title: 'comment.declineTitle', placeholder: 'comment.declinePlaceholder', confirm: 'actions.decline' },
};

/**
 * What can be done with the offer now, by this person: the lifecycle's next steps (approval
 * for a head of sales), sending, revising, copying and the PDF. A draft is saved first.
 */
export function OfferActions({ offer, client, contacts, flush, onFailed }: { offer: Offer; client: Client; contacts: Contact[]; flush: () => Promise<boolean>; onFailed: (e: unknown) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUserId();
  const team = useTeam();
  const company = useCompanyProfile();
  const myDetails = useMyDetails();
  const { print, portal, printing } = usePrintDocument();
  const [commentFor, setCommentFor] = useState<CommentStep | null>(null);
  const [sending, setSending] = useState(false);
  const [copying, setCopying] = useState(false);
  const [preview, setPreview] = useState<ReactNode>(null);
  // The document's language: the client's, until the manager picks another for this offer.
  const ui = useUiLanguage();
  const [pickedLanguage, setPickedLanguage] = useState<LanguageCode | null>(null);
  const docLanguage = pickedLanguage ?? documentLanguageOf(clientLanguage(client, ui));
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const [confirming, setConfirming] = useState<'drop' | 'revise' | null>(null);
  const role = team?.find((m) => m.id === me)?.role ?? 'manager';
  const approver = role === 'head_of_sales' || role === 'admin';
  const s = offer.status;

  /** Saves a draft, then runs `work`; refusals and failures become a message. */
  const run = async (work: () => Promise<unknown>, done?: string) => {
    if (!(await flush())) return;
    try {
      await work();
      if (done) notifications.show({ color: 'green', message: done });
    } catch (e) {
      onFailed(e);
    }
  };
  /** Opens the send dialog, unless sending would be refused: then says why at once. */
  const startSending = () =>
    run(async () => {
      const refusal = await whyNot(offer.id, 'send');
      if (refusal) showOnce(REFUSED, { color: 'orange', message: t(refusal) });
      else setSending(true);
    });
  const step = (action: OfferAction, comment = '') => run(() => offerAction(offer.id, action, comment), t(`offers.done.${action}`));
  /** Back to draft: from awaiting approval it withdraws the request, from approved it drops the approval. */
  const recall = () => run(() => offerAction(offer.id, 'recall'), t(s === 'approved' ? 'offers.done.approvalDropped' : 'offers.done.withdrawn'));
  const revise = () => run(async () => navigate(`/offers/${(await reviseOffer(offer.id)).id}`), t('offers.done.revised', { version: offer.version + 1, old: offer.version }));
  /** Asks for the reason, unless submitting would be refused: then says why at once. */
  const startSubmitting = () =>
    run(async () => {
      const refusal = await whyNot(offer.id, 'submit_for_approval');
      if (refusal) showOnce(REFUSED, { color: 'orange', message: t(refusal) });
      else setCommentFor('submit_for_approval');
    });

  const documentManager = (): DocumentManager => ({ name: team?.find((m) => m.id === offer.ownerId)?.name ?? '', ...(myDetails ?? { position: '', phone: '', email: '' }) });
  /** The stored offer (a draft saved just now, with today's prices) as the client reads it, in `language`. */
  const documentOf = async (contact: Contact | null, language = docLanguage) => {
    const stored = (await getOffer(offer.id)) ?? offer;
    const [text, products] = await Promise.all([documentLanguage(language), getProducts(stored.lines.map((l) => l.productId))]);
    return <OfferDocument offer={stored} client={client} contact={contact} company={company ?? null} manager={documentManager()} text={text} products={products} />;
  };
  const pickLanguage = (language: LanguageCode) => {
    setPickedLanguage(language);
    if (preview) void run(async () => setPreview(await documentOf(null, language)));
  };
  /** Where the manager picks the document's language: beside the PDF button, and above the preview. */
  const languageSelect = (testId: string) => (
    <Select
      aria-label={t('offers.documentLanguage')}
      title={t('offers.documentLanguage')}
      leftSection={<IconLanguage size={16} />}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
      value={docLanguage}
      onChange={(v) => v && pickLanguage(v as LanguageCode)}
      allowDeselect={false}
      w={180}
      data-testid={testId}
    />
  );
  const exportPdf = (contact: Contact | null = null) =>
    run(async () => {
      const result = await print(await documentOf(contact), `${offer.number}${offer.version > 1 ? `-v${offer.version}` : ''}.pdf`);
      if (!result.ok) onFailed(new Error(result.error));
      else if (result.value.saved) notifications.show({ color: 'green', message: t('offers.done.pdfSaved') });
    });
  useHotkeys([['mod+P', () => void exportPdf()]], []);

  const emailDraft = (contact: Contact, address: string) => {
    const total = priceOffer({ from: 'snapshot', currency: offer.currency, pricesIncludeVat: offer.pricesIncludeVat, lines: offer.lines, discountLimitBp: 10_000 }).gross;
    const vars = { number: offer.number, date: formatDate(offer.terms.validUntil), total: formatMoney(total, offer.currency), name: contact.name, me: documentManager().name };
    const subject = company ? t('offers.send.subject', { number: offer.number, company: company.name }) : t('offers.send.subjectPlain', { number: offer.number });
    const body = t('offers.send.body', vars);
    void getPlatform().openExternal(`mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`);
  };

  const primary: React.ReactNode[] = [];
  if (s === 'draft') {
    primary.push(
      <Button key="submit" variant="default" onClick={() => void startSubmitting()} data-testid="action-submit">
        {t('offers.actions.submit')}
      </Button>,
      <Button key="send" leftSection={<IconSend size={16} />} onClick={() => void startSending()} data-testid="action-send">
        {t('offers.actions.send')}
      </Button>,
    );
  }
  if (s === 'awaiting_approval' && approver) {
    primary.push(
      <Button key="return" variant="default" onClick={() => setCommentFor('return_to_draft')} data-testid="action-return">
        {t('offers.actions.returnToDraft')}
      </Button>,
      <Button key="approve" color="teal" leftSection={<IconCheck size={16} />} onClick={() => setCommentFor('approve')} data-testid="action-approve">
        {t('offers.actions.approve')}
      </Button>,
    );
  }
  // A request is withdrawn by whoever asked (core mayWithdraw): a head of sales deciding on a
  // manager's request returns it with a comment instead.
  if (s === 'approved' || (s === 'awaiting_approval' && me !== undefined && team !== undefined && mayWithdraw(offer, { id: me, role }))) {
    // What the step does to the approval is in its name: a request is withdrawn; an approval is
    // dropped (asked first), the offer needing one again if a discount is above the limit.
    primary.push(
      <Button key="recall" variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => (s === 'approved' ? setConfirming('drop') : void recall())} data-testid="action-recall">
        {t(s === 'approved' ? 'offers.actions.dropApproval' : 'offers.actions.withdraw')}
      </Button>,
    );
  }
  if (s === 'approved') {
    primary.push(
      <Button key="send" leftSection={<IconSend size={16} />} onClick={() => void startSending()} data-testid="action-send">
        {t('offers.actions.send')}
      </Button>,
    );
  }
  if (s === 'sent') {
    primary.push(
      <Button key="decline" variant="default" color="red" onClick={() => setCommentFor('decline')} data-testid="action-decline">
        {t('offers.actions.decline')}
      </Button>,
      <Button key="accept" color="green" leftSection={<IconCheck size={16} />} onClick={() => void step('accept')} data-testid="action-accept">
        {t('offers.actions.accept')}
      </Button>,
    );
  }
  if (s === 'sent' || s === 'rejected' || s === 'expired') {
    primary.push(
      <Button key="revise" variant="default" leftSection={<IconGitBranch size={16} />} onClick={() => setConfirming('revise')} data-testid="action-revise">
        {t('offers.actions.revise', { version: offer.version + 1 })}
      </Button>,
    );
  }

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        {primary}
        {languageSelect('document-language')}
        <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={printing} onClick={() => void exportPdf()} data-testid="action-pdf">
          {t('offers.actions.pdf')}
        </Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="subtle" rightSection={<IconChevronDown size={14} />} data-testid="action-more">
              {t('offers.actions.more')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconEye size={14} />} onClick={() => void run(async () => setPreview(await documentOf(null)))} data-testid="action-preview">
              {t('offers.actions.preview')}
            </Menu.Item>
            <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => setCopying(true)} data-testid="action-copy">
              {t('offers.actions.copy')}
            </Menu.Item>
            {(s === 'sent' || s === 'approved') && <Menu.Item onClick={() => void step('expire')}>{t('offers.actions.expire')}</Menu.Item>}
            {isOfferDeletable(offer) && (
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                data-testid="action-delete"
                // Saved first (flush), so what goes to the trash is the offer as typed.
                onClick={() => void run(async () => setDeleting({ kind: 'offers', name: offer.number, remove: () => deleteOffer(offer.id), then: () => void navigate(`/clients/${offer.clientId}`) }))}
              >
                {t('trash.delete')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>

      <DeleteConfirm target={deleting} onClose={() => setDeleting(null)} />
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming === 'drop' ? t('offers.confirm.dropTitle', { number: offer.number }) : t('offers.confirm.reviseTitle', { number: offer.number })} data-testid="offer-confirm">
        <Text size="sm">{confirming === 'drop' ? t('offers.confirm.dropText') : t('offers.confirm.reviseText', { old: offer.version, next: offer.version + 1 })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(null)}>
            {confirming === 'drop' ? t('offers.confirm.dropCancel') : t('offers.confirm.cancel')}
          </Button>
          <Button
            color={confirming === 'drop' ? 'orange' : undefined}
            data-autofocus
            onClick={() => {
              const what = confirming;
              setConfirming(null);
              void (what === 'drop' ? recall() : revise());
            }}
          >
            {confirming === 'drop' ? t('offers.confirm.dropConfirm') : t('offers.confirm.reviseConfirm', { next: offer.version + 1 })}
          </Button>
        </Group>
      </Modal>
      <CommentDialog
        key={commentFor ?? 'none'}
        opened={commentFor !== null}
        title={commentFor ? t(`offers.${COMMENT_STEPS[commentFor].title}`, { number: offer.number }) : ''}
        label={commentFor && COMMENT_STEPS[commentFor].label ? t(`offers.${COMMENT_STEPS[commentFor].label}`) : undefined}
        placeholder={commentFor ? t(`offers.${COMMENT_STEPS[commentFor].placeholder}`) : ''}
        confirmLabel={commentFor ? t(`offers.${COMMENT_STEPS[commentFor].confirm}`) : ''}
        required={commentFor !== null && COMMENT_STEPS[commentFor].required !== undefined}
        requiredMessage={commentFor && COMMENT_STEPS[commentFor].required ? t(`offers.${COMMENT_STEPS[commentFor].required}`) : undefined}
        onCancel={() => setCommentFor(null)}
        onConfirm={(comment) => {
          const action = commentFor!;
          setCommentFor(null);
          void step(action, comment);
        }}
      />
      <SendOfferDialog
        opened={sending}
        number={offer.number}
        contacts={contacts}
        onCancel={() => setSending(false)}
        onSavePdf={() => void exportPdf()}
        onOpenEmail={emailDraft}
        onMarkSent={(how, contact) => {
          setSending(false);
          const subject = t(how === 'email' ? 'offers.send.activityEmail' : 'offers.send.activityHandedOver', { number: offer.number });
          void run(() => sendOffer(offer.id, { kind: how, subject, contactId: contact?.id ?? null }), t(how === 'email' ? 'offers.done.send' : 'offers.done.handedOver'));
        }}
      />
      <CopyOfferDialog
        opened={copying}
        number={offer.number}
        excludeClientId={offer.clientId}
        onCancel={() => setCopying(false)}
        onConfirm={(clientId) => {
          setCopying(false);
          void run(async () => {
            const copy = await copyOfferToClient(offer.id, clientId, await paymentTextInClientLanguage());
            void navigate(`/offers/${copy.id}`);
          });
        }}
      />
      <Modal opened={preview !== null} onClose={() => setPreview(null)} size={860} title={t('offers.actions.preview')} scrollAreaComponent={ScrollArea.Autosize}>
        <Group justify="flex-end" mb="sm">
          {languageSelect('preview-language')}
        </Group>
        <div style={{ padding: '14mm', boxShadow: '0 0 0 1px var(--mantine-color-gray-3)', background: '#fff' }} data-testid="offer-preview">
          {preview}
        </div>
      </Modal>
      {portal}
    </>
  );
}
