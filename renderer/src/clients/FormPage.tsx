import type { ReactNode } from 'react';
import { Box, Button, Group, ScrollArea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formKeys } from './form-helpers';
import { UnsavedChangesGuard } from './unsaved-changes';

/**
 * The frame of every full-page form (client, contact, event): the title with Cancel and Save,
 * Ctrl/Cmd+S and Esc, and the guard that asks before unsaved changes are left behind.
 */
export function FormPage(props: {
  title: string;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  onClose: () => void;
  /** Unsaved changes to guard (false while leaving after a save). */
  guard: boolean;
  submitting: boolean;
  maxWidth?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { onSubmit, onClose } = props;
  return (
    <form onSubmit={(e) => void onSubmit(e)} onKeyDown={formKeys(() => void onSubmit(), onClose)} noValidate style={{ height: '100%' }}>
      <UnsavedChangesGuard when={props.guard} />
      <ScrollArea h="100%">
        <Box px="lg" py="md" maw={props.maxWidth ?? 1000}>
          <Group justify="space-between" mb="md">
            <Title order={2}>{props.title}</Title>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={props.submitting}>
                {t('form.save')}
              </Button>
            </Group>
          </Group>
          {props.children}
        </Box>
      </ScrollArea>
    </form>
  );
}
