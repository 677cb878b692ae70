import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Modal, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../i18n/format';
import type { TFunction } from 'i18next';
import { useConnection, useSyncSummary } from '../data/sync/sync-session';
import { SyncFailure } from './transport';
import { OtherPersonsData, hasToken, setAutoSync, signIn, signOut, syncNow, useSyncState } from './sync-controller';

/** Plain http is for a server on this computer only (the window's content security policy says so too). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const signInSchema = z.object({
  serverUrl: z
    .string()
    .trim()
    .url({ message: 'server_url' })
    .refine((u) => /^https?:\/\//.test(u), { message: 'server_url' })
    .refine((u) => !u.startsWith('http://') || LOCAL_HOSTS.has(new URL(u).hostname), { message: 'server_url_https' }),
  login: z.string().trim().min(1, { message: 'required' }),
  password: z.string().min(1, { message: 'required' }),
});
type SignInValues = z.infer<typeof signInSchema>;

/** Why signing in failed, as the sign-in form says it after "Could not sign in." */
function signInFailure(e: unknown, t: TFunction): string {
  if (e instanceof OtherPersonsData) return t('sync.otherPersonsData', { name: e.holder });
  if (!(e instanceof SyncFailure)) return e instanceof Error ? e.message : String(e);
  // No answer while the network is up: a wrong address or a server that is down.
  if (e.code === 'offline') return t(navigator.onLine ? 'sync.signInUnreachable' : 'sync.error.offline');
  if (e.code === 'not_a_server') return t('sync.signInNotAServer');
  // The server's reasons by their codes, in the person's language; its own (English) words
  // only beside a reason this laptop does not know yet.
  const reason = e.body?.error;
  if (reason === 'invalid_credentials') return t('sync.signInWrongPassword');
  if (reason === 'too_many_attempts') {
    const seconds = Number(e.body?.retryAfterSeconds);
    return t('sync.signInTooMany', { wait: formatDuration((Number.isFinite(seconds) ? seconds : 900) * 1000) });
  }
  if (e.code === 'bad_request' || e.code === 'unauthorized') return t('sync.signInRefused', { reason: e.message });
  return t(`sync.error.${e.code}`);
}

/** Settings › Company server: sign in (URL, login), who is signed in, sign out, auto-sync. */
export function ConnectionSettings({ defaultServerUrl }: { defaultServerUrl: string }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const autoSync = useSyncState((s) => s.autoSync);
  const [failure, setFailure] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { serverUrl: defaultServerUrl, login: '', password: '' } });
  // Signed in, but the server no longer accepts this laptop's token: sign in again, keeping the data.
  const lapsed = connection ? !hasToken(connection) : false;
  // …to the same server, whose address is then not asked for (nor validated as typed).
  const lapsedServer = lapsed ? connection?.serverUrl : undefined;
  useEffect(() => {
    if (lapsedServer) form.setValue('serverUrl', lapsedServer);
  }, [lapsedServer, form]);
  const err = (name: keyof SignInValues) => {
    const message = form.formState.errors[name]?.message;
    return message ? t(`errors.${message}`) : undefined;
  };
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values.serverUrl, values.login, values.password);
      form.reset({ ...values, password: '' });
      void syncNow();
    } catch (e) {
      // The form keeps what was typed; only the reason is added.
      setFailure(signInFailure(e, t));
    }
  });
  const signInForm = (
    <form
      onSubmit={(e) => {
        setFailure(null); // the last attempt's reason is not this one's (the fields may say what is missing)
        void submit(e);
      }}
      noValidate
    >
      <Stack gap="sm" maw={420}>
        {lapsed && connection ? (
          <Alert color="orange" data-testid="sign-in-lapsed">{t('sync.signInLapsed', { name: connection.user.displayName, server: connection.serverUrl })}</Alert>
        ) : (
          <TextInput label={t('sync.serverUrl')} {...form.register('serverUrl')} error={err('serverUrl')} />
        )}
        <TextInput label={t('sync.login')} autoComplete="username" {...form.register('login')} error={err('login')} />
        <PasswordInput label={t('sync.password')} autoComplete="current-password" {...form.register('password')} error={err('password')} />
        {failure && <Alert color="red" data-testid="sign-in-error">{t('sync.signInFailed', { reason: failure })}</Alert>}
        <Group>
          <Button type="submit" loading={form.formState.isSubmitting}>{t('sync.signIn')}</Button>
          {lapsed && (
            <Button variant="default" onClick={() => setSigningOut(true)}>{t('sync.signOut')}</Button>
          )}
        </Group>
      </Stack>
    </form>
  );
  return (
    <Card withBorder data-testid="connection-settings">
      <Title order={5} mb="sm">{t('sync.settingsTitle')}</Title>
      {connection && !lapsed ? (
        <Stack gap="sm">
          <Text data-testid="signed-in-as">
            {t('sync.signedInAs', { name: connection.user.displayName, role: t(`sync.role.${connection.user.role}`), server: connection.serverUrl })}
          </Text>
          <Group>
            <Button variant="default" onClick={() => setSigningOut(true)}>{t('sync.signOut')}</Button>
          </Group>
        </Stack>
      ) : (
        signInForm
      )}
      <SignOutDialog opened={signingOut} canSync={!!connection && !lapsed} onClose={() => setSigningOut(false)} />
      <Switch mt="md" checked={autoSync} onChange={(e) => setAutoSync(e.currentTarget.checked)} label={t('sync.autoSync')} />
    </Card>
  );
}

/**
 * Signing out removes the client base from this laptop (see signOut): said before, with what is
 * not synced yet and a way to sync it first.
 */
function SignOutDialog(props: { opened: boolean; canSync: boolean; onClose: () => void }) {
  const { opened, onClose } = props;
  const { t } = useTranslation();
  const summary = useSyncSummary();
  const { online, running } = useSyncState();
  const pending = summary?.pending ?? 0;
  // Not with a lapsed sign-in: the server would refuse the sync.
  const canSync = props.canSync && pending > 0 && online;
  return (
    <Modal opened={opened} onClose={onClose} title={t('sync.signOutTitle')}>
      <Stack gap="sm" data-testid="sign-out-dialog">
        <Text size="sm">{t('sync.signOutText')}</Text>
        {pending > 0 && (
          <Alert color="red" data-testid="sign-out-unsynced">
            {t('sync.signOutUnsynced', { count: pending })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('card.cancel')}</Button>
          {canSync && (
            <Button variant="light" loading={running} onClick={() => void syncNow()}>{t('sync.syncNow')}</Button>
          )}
          <Button color="red" disabled={running} onClick={() => void signOut()}>{pending > 0 ? t('sync.signOutAnyway') : t('sync.signOut')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
