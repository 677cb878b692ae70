import { Alert, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../core/leads/lead-model';
import type { Opened } from '../data/opened-record';
import type { PreparedFile } from '../data/attachments';
import { isBlankCapture, type CaptureValues } from './capture-values';

/** A lead whose local write failed, kept with everything that was in the form. */
export interface UnsavedLead {
  id: string;
  name: string;
  values: CaptureValues;
  editing: Opened<Lead> | null;
  photo: PreparedFile | null;
  attachTo: { clientId: string; contactId: string | null; name: string } | null;
  /** Why the write failed, in words. */
  reason: string;
}

/**
 * The leads kept aside because their write failed while the next visitor was being typed. One
 * goes back into the form only when the form is empty: it would otherwise replace what is typed.
 */
export function UnsavedLeads({ control, leads, onPutBack }: { control: Control<CaptureValues>; leads: UnsavedLead[]; onPutBack: (lead: UnsavedLead) => void }) {
  const { t } = useTranslation();
  const typing = !isBlankCapture(useWatch({ control }));
  return (
    <Alert color="red" mb="sm" py={6} data-testid="capture-unsaved" title={t('capture.unsavedTitle', { count: leads.length })}>
      <Stack gap={4}>
        {leads.map((u) => (
          <Group key={u.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {u.name}: {u.reason}
            </Text>
            <Tooltip label={t('capture.putBackFirst')} disabled={!typing}>
              <Button size="compact-xs" variant="light" color="red" disabled={typing} onClick={() => onPutBack(u)}>
                {t('capture.putBack')}
              </Button>
            </Tooltip>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
