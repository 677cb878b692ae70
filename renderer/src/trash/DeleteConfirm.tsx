import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../clients/ConfirmDialog';
import { useSaveFailedMessage } from '../clients/form-helpers';
import type { TrashTable } from '../data/trash';

/** A record the person asked to delete: what it is, what it is called, and the command. */
export interface DeleteTarget {
  kind: TrashTable;
  name: string;
  remove: () => Promise<void>;
  /** After the record went to the trash (leave its page, say). */
  then?: () => void;
}

/**
 * Asks before a record goes to the trash, saying what goes with it and that it can be restored
 * from the Trash; then deletes it and says so, with the way to the trash.
 */
export function DeleteConfirm({ target, onClose }: { target: DeleteTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saveFailed = useSaveFailedMessage();
  const confirm = async (doomed: DeleteTarget) => {
    onClose();
    try {
      await doomed.remove();
      doomed.then?.();
      notifications.show({
        color: 'gray',
        message: (
          <Text size="sm">
            {t('trash.deleted', { name: doomed.name })}{' '}
            <Anchor component="button" size="sm" onClick={() => void navigate('/trash')}>
              {t('trash.openTrash')}
            </Anchor>
          </Text>
        ),
      });
    } catch (e) {
      notifications.show({ color: 'red', message: saveFailed(e) });
    }
  };
  return (
    <ConfirmDialog
      opened={target !== null}
      title={target ? t(`trash.confirmTitle.${target.kind}`, { name: target.name }) : ''}
      text={target ? t(`trash.confirmText.${target.kind}`) : ''}
      confirmLabel={t('trash.delete')}
      onCancel={onClose}
      onConfirm={() => target && void confirm(target)}
    />
  );
}
