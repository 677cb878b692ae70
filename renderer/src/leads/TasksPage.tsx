import { useMemo, useState } from 'react';
import { Anchor, Badge, Box, Button, Card, Center, Checkbox, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Lead, Task } from '../../../core/leads/lead-model';
import { setTaskDone } from '../data/leads/leads';
import { useCurrentUserId, useLeadsById, useTasksOf } from '../data/leads/lead-queries';
import { formatDate, relativeDayText } from '../i18n/format';
import { taskSections, today, type TaskSections } from './event-stats';
import { useCommandFailed } from './EventLeadsPage';

const SECTIONS: { key: keyof TaskSections; color: string }[] = [
  { key: 'overdue', color: 'red' },
  { key: 'today', color: 'blue' },
  { key: 'upcoming', color: 'gray' },
  { key: 'done', color: 'green' },
];

/** How many done tasks are listed before "Show all". */
const DONE_SHOWN = 10;

/** The person's tasks: overdue, today, upcoming, done; a tick completes one. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useCurrentUserId();
  const tasks = useTasksOf(me);
  const leadIds = useMemo(() => (tasks ?? []).flatMap((task) => (task.leadId ? [task.leadId] : [])), [tasks]);
  const leads = useLeadsById(leadIds);
  const day = today();
  const sections = useMemo(() => taskSections(tasks ?? [], day), [tasks, day]);
  const [allDone, setAllDone] = useState(false);

  if (me === undefined || tasks === undefined) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }

  return (
    <ScrollArea h="100%">
      <Box px="lg" py="md" maw={900}>
        <Title order={2} mb="md">
          {t('tasks.title')}
        </Title>
        {tasks.length === 0 ? (
          <Card withBorder p="xl">
            <Text fw={600}>{t('tasks.empty')}</Text>
            <Text size="sm" c="dimmed">
              {t('tasks.emptyHint')}
            </Text>
          </Card>
        ) : (
          <Stack gap="lg">
            {SECTIONS.map(({ key, color }) => {
              const list = key === 'done' && !allDone ? sections.done.slice(0, DONE_SHOWN) : sections[key];
              return (
                <Box key={key} component="section" aria-labelledby={`tasks-${key}`} data-testid={`tasks-${key}`}>
                  <Group gap="xs" mb="xs">
                    <Title order={4} id={`tasks-${key}`}>
                      {t(`tasks.${key}`)}
                    </Title>
                    <Badge color={color} variant="light">
                      {sections[key].length}
                    </Badge>
                  </Group>
                  {list.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t(`tasks.none.${key}`)}
                    </Text>
                  ) : (
                    <Card withBorder padding={0}>
                      {list.map((task, i) => (
                        <TaskRow key={task.id} task={task} lead={task.leadId ? leads?.get(task.leadId) : undefined} overdue={key === 'overdue'} first={i === 0} />
                      ))}
                    </Card>
                  )}
                  {key === 'done' && !allDone && sections.done.length > DONE_SHOWN && (
                    <Button variant="subtle" size="xs" mt="xs" onClick={() => setAllDone(true)}>
                      {t('tasks.showAllDone', { count: sections.done.length })}
                    </Button>
                  )}
                </Box>
              );
            })}
          </Stack>
        )}
      </Box>
    </ScrollArea>
  );
}

function TaskRow({ task, lead, overdue, first }: { task: Task; lead: Lead | undefined; overdue: boolean; first: boolean }) {
  const { t } = useTranslation();
  const failed = useCommandFailed();
  const done = task.doneAt !== null;
  const clientId = task.clientId ?? lead?.clientId ?? null;
  const eventId = lead?.eventId ?? null;

  const toggle = async (checked: boolean) => {
    try {
      await setTaskDone(task.id, checked);
    } catch (e) {
      notifications.show({ color: 'red', message: failed(e) });
    }
  };

  return (
    <Group
      px="md"
      py="xs"
      justify="space-between"
      wrap="nowrap"
      data-testid="task-row"
      data-task-id={task.id}
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Checkbox checked={done} onChange={(e) => void toggle(e.currentTarget.checked)} aria-label={task.title} />
        <Box style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined} truncate>
            {task.title}
          </Text>
          <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
            {t(`nextStep.${task.kind}`)} · {done ? t('tasks.due', { date: formatDate(task.dueOn) }) : t('tasks.dueWhen', { when: relativeDayText(task.dueOn, today(), t) })}
            {done && task.doneAt && ` · ${t('tasks.doneOn', { date: formatDate(task.doneAt) })}`}
          </Text>
        </Box>
      </Group>
      <Group gap="md" wrap="nowrap">
        {clientId && (
          <Anchor
            size="sm"
            component={Link}
            to={`/clients/${clientId}`}
          >
            {t('tasks.openClient')}
          </Anchor>
        )}
        {eventId && (
          <Anchor
            size="sm"
            component={Link}
            to={`/events/${eventId}`}
          >
            {t('tasks.openEvent')}
          </Anchor>
        )}
      </Group>
    </Group>
  );
}
