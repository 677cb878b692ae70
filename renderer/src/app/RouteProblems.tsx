import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

function Problem({ title, text, testId }: { title: string; text: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="xl" data-testid={testId}>
      <Stack align="center" gap="sm" maw={520}>
        <Title order={3}>{title}</Title>
        <Text c="dimmed" ta="center">
          {text}
        </Text>
        <Button component={Link} to="/">
          {t('app.backToClients')}
        </Button>
      </Stack>
    </Center>
  );
}

/** An address the app has no screen for (typed, or an old bookmark): said so, with a way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <Problem title={t('app.notFoundTitle')} text={t('app.notFound')} testId="not-found" />;
}

/**
 * A screen that failed while drawing: said in the person's words (the router's own page speaks
 * to developers), that what is stored is safe, with a way back. The error goes to the console.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return <Problem title={t('app.screenErrorTitle')} text={t('app.screenError')} testId="screen-error" />;
}
