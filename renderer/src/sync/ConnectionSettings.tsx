import { useState } from 'react';
import { Alert, Button, Card, Group, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../data/sync-session';
import { SyncFailure } from './transport';
import { setAutoSync, signIn, signOut, syncNow, useSyncState } from './sync-controller';

const signInSchema = z.object({
  serverUrl: z.string().trim().url({ message: 'server_url' }).refine((u) => /^https?:\/\//.test(u), { message: 'server_url' }),
  login: z.string().trim().min(1, { message: 'required' }),
  password: z.string().min(1, { message: 'required' }),
});
type SignInValues = z.infer<typeof signInSchema>;

/** Settings › Company server: sign in (URL, login), who is signed in, sign out, auto-sync. */
export function ConnectionSettings({ defaultServerUrl }: { defaultServerUrl: string }) {
  const { t } = useTranslation();
  const connection = useConnection();
  const autoSync = useSyncState((s) => s.autoSync);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { serverUrl: defaultServerUrl, login: '', password: '' } });
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
      setFailure(e instanceof SyncFailure && e.code !== 'bad_request' && e.code !== 'unauthorized' ? t(`sync.error.${e.code}`) : e instanceof Error ? e.message : String(e));
    }
  });
  return (
    <Card withBorder data-testid="connection-settings">
      <Title order={5} mb="sm">{t('sync.settingsTitle')}</Title>
      {connection ? (
        <Stack gap="sm">
          <Text data-testid="signed-in-as">
            {t('sync.signedInAs', { name: connection.user.displayName, role: t(`sync.role.${connection.user.role}`), server: connection.serverUrl })}
          </Text>
          <Group>
            <Button variant="default" onClick={() => void signOut()}>{t('sync.signOut')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm" maw={420}>
            <TextInput label={t('sync.serverUrl')} {...form.register('serverUrl')} error={err('serverUrl')} />
            <TextInput label={t('sync.login')} autoComplete="username" {...form.register('login')} error={err('login')} />
            <PasswordInput label={t('sync.password')} autoComplete="current-password" {...form.register('password')} error={err('password')} />
            {failure && <Alert color="red" data-testid="sign-in-error">{t('sync.signInFailed', { reason: failure })}</Alert>}
            <Group>
              <Button type="submit" loading={form.formState.isSubmitting}>{t('sync.signIn')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      <Switch mt="md" checked={autoSync} onChange={(e) => setAutoSync(e.currentTarget.checked)} label={t('sync.autoSync')} />
    </Card>
  );
}
