import { Button, Center, Loader, Stack, Text } from '@mantine/core';

/** A page whose record is still being read. */
export function PageLoading() {
  return (
    <Center h="100%">
      <Loader />
    </Center>
  );
}

/** A page whose record is not on this laptop (deleted, or reassigned out of its scope). */
export function PageNotFound({ message, backLabel, onBack }: { message: string; backLabel: string; onBack: () => void }) {
  return (
    <Center h="100%">
      <Stack align="center">
        <Text>{message}</Text>
        <Button variant="subtle" onClick={onBack}>
          {backLabel}
        </Button>
      </Stack>
    </Center>
  );
}
