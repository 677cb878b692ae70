import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  text: string;
  /** The label of the button that does it (a destructive action: shown in red). */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a destructive action; Cancel has no focus, so Enter confirms only deliberately. */
export function ConfirmDialog({ opened, title, text, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title}>
      <Text size="sm">{text}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('card.cancel')}
        </Button>
        <Button color="red" data-autofocus onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
