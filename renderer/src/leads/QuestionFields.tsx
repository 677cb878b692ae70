import { Checkbox, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Answer, Question } from '../../../core/leads/lead-model';
import type { CaptureValues } from './capture-values';

/** The id Alt+Q focuses: the event's first question. */
export const FIRST_QUESTION_ID = 'capture-first-question';

/**
 * An event's qualification questions. Choice and yes/no questions are native selects: with the
 * focus on one, typing an option's first letter picks it without opening a list, which is what
 * keeps a booth capture to a few keystrokes.
 */
export function QuestionFields({ questions, control }: { questions: readonly Question[]; control: Control<CaptureValues> }) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
      {questions.map((q, i) => (
        <Controller
          key={q.id}
          control={control}
          name={`answers.${q.id}`}
          render={({ field }) => {
            const id = i === 0 ? FIRST_QUESTION_ID : undefined;
            const value: Answer | undefined = field.value;
            if (q.kind === 'choice') {
              return (
                <NativeSelect
                  id={id}
                  label={q.label}
                  data={[{ value: '', label: t('capture.choose') }, ...q.options.map((o) => ({ value: o, label: o }))]}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => field.onChange(e.currentTarget.value || undefined)}
                />
              );
            }
            if (q.kind === 'yes_no') {
              return (
                <NativeSelect
                  id={id}
                  label={q.label}
                  data={[
                    { value: '', label: t('capture.choose') },
                    { value: 'yes', label: t('capture.yes') },
                    { value: 'no', label: t('capture.no') },
                  ]}
                  value={value === true ? 'yes' : value === false ? 'no' : ''}
                  onChange={(e) => field.onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'yes')}
                />
              );
            }
            if (q.kind === 'multi') {
              return (
                <Checkbox.Group label={q.label} value={Array.isArray(value) ? value : []} onChange={(v) => field.onChange(v.length ? v : undefined)}>
                  <Group gap="xs" mt={4}>
                    {q.options.map((o, j) => (
                      <Checkbox key={o} id={j === 0 ? id : undefined} value={o} label={o} size="xs" />
                    ))}
                  </Group>
                </Checkbox.Group>
              );
            }
            return <TextInput id={id} label={q.label} value={typeof value === 'string' ? value : ''} onChange={(e) => field.onChange(e.currentTarget.value || undefined)} />;
          }}
        />
      ))}
    </SimpleGrid>
  );
}
