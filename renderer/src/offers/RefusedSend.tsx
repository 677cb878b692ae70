import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../core/offers/offer-model';
import { submitRefusedOffer, useRefusedSend } from '../data/offers/offer-rules';
import { CommentDialog } from './OfferDialogs';

/**
 * An offer sent on this laptop that the company server refused to let out without an approval
 * (a discount above the limit, or a price or client discount the company's rules do not give):
 * says so on the offer, and puts it up for approval as it is, with the manager's reason.
 */
export function RefusedSendAlert({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const refused = useRefusedSend(offer.id);
  const [asking, setAsking] = useState(false);
  if (!refused || !['sent', 'accepted', 'rejected', 'expired'].includes(offer.status)) return null;
  const submit = async (reason: string) => {
    setAsking(false);
    try {
      await submitRefusedOffer(offer.id, undefined, reason);
      notifications.show({ color: 'green', message: t('offers.done.submit_for_approval') });
    } catch (e) {
      notifications.show({ color: 'red', message: t(e instanceof Error ? e.message : 'errors.invalid') });
    }
  };
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="refused-send">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{t('offers.refusedSend')}</Text>
        <Button size="xs" onClick={() => setAsking(true)} data-testid="action-submit-refused">
          {t('offers.actions.submit')}
        </Button>
      </Group>
      <CommentDialog
        opened={asking}
        title={t('offers.comment.submitTitle', { number: offer.number })}
        label={t('offers.comment.submitLabel')}
        placeholder={t('offers.comment.submitPlaceholder')}
        confirmLabel={t('offers.actions.submit')}
        required
        requiredMessage={t('offers.comment.submitRequired')}
        onCancel={() => setAsking(false)}
        onConfirm={(reason) => void submit(reason)}
      />
    </Alert>
  );
}
