import { useEffect, type ReactNode } from 'react';
import { Box, Button, Group, ScrollArea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useFormState, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { countFieldErrors, formKeys, isShown, showOnce, useSaveFailedMessage } from './form-helpers';
import { UnsavedChangesGuard, useLeaveAfterSave } from './unsaved-changes';

const INVALID = 'form-invalid';
const SAVE_FAILED = 'form-save-failed';

/**
 * Saving a full-page form and leaving it: `save` writes and says where to go; the form is then
 * clean (so the guard lets the navigation through), the person is told it is saved, and the
 * page changes. A failed save keeps every typed value and says why; an invalid form says so.
 * Each of these is one message, changed in place by the next attempt (never one more per
 * click): the invalid form's says how many fields are left to fix and goes when none is.
 * The first field, `name`, has the focus when the form opens.
 */
export function useSaveAndLeave<V extends FieldValues, O>(
  form: UseFormReturn<V, unknown, O>,
  save: (values: O) => Promise<{ to: string; replace?: boolean }>,
  savedMessage: string,
) {
  const { t } = useTranslation();
  const saveFailed = useSaveFailedMessage();
  const { leaving, leaveTo } = useLeaveAfterSave();
  const { errors } = useFormState({ control: form.control });
  const invalid = countFieldErrors(errors);
  const invalidMessage = (count: number) => ({ color: 'orange', autoClose: false, message: t('form.invalidCount', { count }), 'data-testid': 'form-invalid' }) as const;
  const onSubmit = form.handleSubmit(
    async (values) => {
      notifications.hide(INVALID);
      try {
        const { to, replace } = await save(values);
        form.reset(form.getValues());
        notifications.hide(SAVE_FAILED);
        notifications.show({ color: 'green', message: savedMessage });
        leaveTo(to, replace);
      } catch (e) {
        // Every typed value stays in the form; the person can fix the cause and save again.
        showOnce(SAVE_FAILED, { color: 'red', autoClose: false, message: saveFailed(e), 'data-testid': 'form-save-failed' } as const);
      }
    },
    (found) => showOnce(INVALID, invalidMessage(countFieldErrors(found))),
  );
  // The count follows the fixes as they are typed; the message goes with the last error.
  useEffect(() => {
    if (!isShown(INVALID)) return;
    if (invalid === 0) notifications.hide(INVALID);
    else showOnce(INVALID, invalidMessage(invalid));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- invalidMessage is a fresh closure each render; the count is all it adds
  }, [invalid]);
  // Leaving the form takes its messages with it.
  useEffect(
    () => () => {
      notifications.hide(INVALID);
      notifications.hide(SAVE_FAILED);
    },
    [],
  );
  useEffect(() => {
    form.setFocus('name' as Path<V>);
  }, [form]);
  return { onSubmit, leaving };
}

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
