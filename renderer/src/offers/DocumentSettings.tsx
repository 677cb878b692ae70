import { useEffect } from 'react';
import { Button, Card, Group, Image, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCompanyProfile } from '../data/catalog/catalog';
import { myDetailsSchema, saveMyDetails, useMyDetails, type MyDetails } from '../data/my-details';
import { useFieldError, useSaveFailedMessage } from '../clients/form-helpers';

/** Settings for documents: the manager's own details (editable) and the company's letterhead (from the company). */
export function DocumentSettings() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const saveFailed = useSaveFailedMessage();
  const details = useMyDetails();
  const company = useCompanyProfile();
  const form = useForm<MyDetails>({ resolver: zodResolver(myDetailsSchema), defaultValues: { position: '', phone: '', email: '' } });
  const { reset } = form;
  useEffect(() => {
    if (details) reset(details);
  }, [details, reset]);
  const { errors, isDirty } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await saveMyDetails(values);
      notifications.show({ color: 'green', message: t('myDetails.saved') });
    } catch (e) {
      notifications.show({ color: 'red', message: saveFailed(e) });
    }
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
      <Card withBorder>
        <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="my-details">
          <Title order={5}>{t('myDetails.title')}</Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('myDetails.hint')}
          </Text>
          <Stack gap="xs">
            <TextInput label={t('myDetails.position')} {...form.register('position')} error={fieldError(errors.position)} />
            <TextInput label={t('myDetails.phone')} {...form.register('phone')} error={fieldError(errors.phone)} />
            <TextInput label={t('myDetails.email')} {...form.register('email')} error={fieldError(errors.email)} />
          </Stack>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" disabled={!isDirty}>
              {t('myDetails.save')}
            </Button>
          </Group>
        </form>
      </Card>
      <Card withBorder data-testid="company-profile">
        <Title order={5}>{t('company.title')}</Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('company.hint')}
        </Text>
        {company ? (
          <Stack gap={4}>
            {company.logo && <Image src={company.logo} alt={company.name} h={40} w="auto" fit="contain" mb="xs" />}
            <Text fw={600}>{company.name}</Text>
            {[company.legalName, company.address, company.taxId, [company.phone, company.email].filter(Boolean).join(' · '), company.website].filter(Boolean).map((line) => (
              <Text size="sm" key={line}>
                {line}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('company.none')}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}
