/**
 * The "Files" card of a client: files attached to the client (a signed contract scan, a logo).
 * Add by picking or dropping; open saves the file through the platform (a save dialog on the
 * desktop, a download in the browser), fetching it from the company server the first time it is
 * opened on this laptop; remove takes it off the card everywhere at the next sync.
 */
import { useState, type DragEvent } from 'react';
import { ActionIcon, Badge, Box, Button, Card, FileButton, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../core/client-model';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../../../core/sync/attachments';
import { AttachmentError, prepareFile, useLocalAttachments } from '../data/attachments';
import { CommandError, attachFile, detachFile } from '../data/clients/commands';
import { getPlatform } from '../platform';
import { attachmentBytes } from '../sync/attachment-bytes';
import { SyncFailure } from '../sync/transport';
import { formatDate, formatFileSize } from '../i18n/format';
import { ConfirmDialog } from './ConfirmDialog';

// A file name the save dialog accepts (core/ipc-contract.ts): no path separators or reserved characters.
// eslint-disable-next-line no-control-regex
const saveName = (name: string) => name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+$/, 'file').slice(0, 200) || 'file';

export function ClientFiles({ client }: { client: Client }) {
  const { t } = useTranslation();
  const files = client.attachments ?? [];
  const local = useLocalAttachments(files.map((f) => f.sha256));
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState<AttachmentRef | null>(null);

  const explain = (e: unknown, name: string): string => {
    if (e instanceof AttachmentError || e instanceof CommandError) {
      return t(e.message, { name, max: formatFileSize(MAX_ATTACHMENT_BYTES) });
    }
    if (e instanceof SyncFailure) {
      if (e.code === 'offline') return t('files.offline', { name });
      if (e.body?.error === 'not_found') return t('files.notOnServer', { name });
      return t(`sync.error.${e.code}`);
    }
    const isQuota = e instanceof Error && e.name === 'QuotaExceededError';
    return t('files.failed', { name, error: isQuota ? t('errors.diskFull') : e instanceof Error ? e.message : String(e) });
  };

  const add = async (picked: File[]) => {
    setBusy(true);
    try {
      // One by one: a file that cannot be attached is reported by name, the others still go in.
      for (const file of picked) {
        try {
          await attachFile(client.id, await prepareFile(file));
        } catch (e) {
          notifications.show({ color: 'red', title: t('files.notAdded', { name: file.name }), message: explain(e, file.name) });
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const open = async (ref: AttachmentRef) => {
    try {
      const result = await getPlatform().saveFile({ suggestedName: saveName(ref.name), data: await attachmentBytes(ref) });
      if (!result.ok) notifications.show({ color: 'red', message: t('files.failed', { name: ref.name, error: result.error }) });
    } catch (e) {
      notifications.show({ color: 'red', message: explain(e, ref.name) });
    }
  };

  const remove = async (ref: AttachmentRef) => {
    try {
      await detachFile(client.id, ref.sha256);
    } catch (e) {
      notifications.show({ color: 'red', message: explain(e, ref.name) });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = [...e.dataTransfer.files];
    if (dropped.length) void add(dropped);
  };

  return (
    <Card
      withBorder
      padding="md"
      data-testid="client-files"
      bg={dragging ? 'blue.0' : undefined}
      onDragOver={(e: DragEvent) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('files.title')}</Title>
        <FileButton onChange={(picked) => void add(picked)} multiple>
          {(props) => (
            <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={busy}>
              {t('files.add')}
            </Button>
          )}
        </FileButton>
      </Group>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('files.empty', { max: formatFileSize(MAX_ATTACHMENT_BYTES) })}
        </Text>
      ) : (
        <Stack gap={6}>
          {files.map((f) => (
            <Group key={f.sha256} justify="space-between" wrap="nowrap" data-testid="client-file">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconPaperclip size={16} style={{ flexShrink: 0 }} />
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm" truncate="end" data-testid="client-file-name">
                    {f.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatFileSize(f.size)} · {formatDate(f.addedAt)}
                  </Text>
                </Box>
                {local?.get(f.sha256) === 'pending' && (
                  <Badge size="xs" variant="light" color="yellow">
                    {t('files.notSent')}
                  </Badge>
                )}
              </Group>
              <Group gap={4} wrap="nowrap">
                <Tooltip label={local?.has(f.sha256) ? t('files.open') : t('files.download')}>
                  <ActionIcon variant="subtle" aria-label={`${t('files.open')}: ${f.name}`} onClick={() => void open(f)}>
                    <IconDownload size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('files.remove')}>
                  <ActionIcon variant="subtle" color="red" aria-label={`${t('files.remove')}: ${f.name}`} onClick={() => setConfirmRemove(f)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('files.dropHint')}
      </Text>

      <ConfirmDialog
        opened={confirmRemove !== null}
        title={t('files.removeTitle', { name: confirmRemove?.name ?? '' })}
        text={t('files.removeText')}
        confirmLabel={t('files.remove')}
        onCancel={() => setConfirmRemove(null)}
        onConfirm={() => {
          const ref = confirmRemove;
          setConfirmRemove(null);
          if (ref) void remove(ref);
        }}
      />
    </Card>
  );
}
