import { useEffect, useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * Guards a form with unsaved changes: leaving through the app asks first, and closing the
 * window or reloading gets the browser's own warning.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('form.leaveTitle')} data-testid="unsaved-dialog">
      <Text size="sm">{t('form.leaveText')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" color="red" onClick={() => blocker.proceed?.()}>
          {t('form.leave')}
        </Button>
        <Button data-autofocus onClick={() => blocker.reset?.()}>
          {t('form.stay')}
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * Leaving a form right after a successful save. Navigating in the submit handler itself would
 * meet the guard's previous render (still dirty) and ask "leave without saving?" about changes
 * that were just saved; so the form first re-renders with `leaving` set (the guard lets go),
 * and the navigation happens in the effect after that render.
 */
export function useLeaveAfterSave() {
  const navigate = useNavigate();
  const [target, setTarget] = useState<{ to: string; replace: boolean } | null>(null);
  useEffect(() => {
    if (target) void navigate(target.to, { replace: target.replace });
  }, [target, navigate]);
  return { leaving: target !== null, leaveTo: (to: string, replace = false) => setTarget({ to, replace }) };
}
