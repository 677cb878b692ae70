import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { matchStrength } from '../../../core/leads/match-keys';
import type { LikelyMatch } from '../data/leads/lead-matches';
import { useTeamNames } from '../clients/team';
import { formatMoney } from '../i18n/format';

/** A reason's badge colour follows its strength (core/leads/match-keys.ts). */
const STRENGTH_COLOR = { strong: 'red', medium: 'orange', weak: 'gray' } as const;

/**
 * The clients, contacts and leads the typed lead may be: each with its status, owner and
 * receivables, and one action to attach the lead to it (or, for a lead, to edit that one).
 */
export function LikelyMatches({ matches, onAttach, onOpenLead }: { matches: readonly LikelyMatch[]; onAttach: (m: LikelyMatch) => void; onOpenLead: (leadId: string) => void }) {
  const { t } = useTranslation();
  const names = useTeamNames();
  return (
    <Stack gap="xs" aria-live="polite" data-testid="likely-matches">
      <Text fw={600} size="sm">
        {t('capture.matches.title')}
      </Text>
      {matches.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('capture.matches.none')}
        </Text>
      )}
      {matches.map((m) => (
        <Card key={`${m.kind}/${m.leadId ?? m.contactId ?? m.clientId}`} withBorder padding="xs" data-testid="likely-match">
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="sm" fw={600} truncate>
              {m.title}
            </Text>
            <Badge size="xs" variant="light">
              {t(`capture.matches.${m.kind}`)}
            </Badge>
          </Group>
          {m.person && (
            <Text size="xs" truncate>
              {m.person}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {[m.kind === 'lead' ? t(`leadStatus.${m.status}`, { defaultValue: m.status }) : t(`status.${m.status}`), t('capture.matches.owner', { name: names.get(m.ownerId) ?? '—' })].join(' · ')}
          </Text>
          {m.balance !== null && m.currency && (m.balance !== 0 || (m.overdue ?? 0) > 0) && (
            <Text size="xs" c={(m.overdue ?? 0) > 0 ? 'red' : 'dimmed'}>
              {(m.overdue ?? 0) > 0
                ? t('capture.matches.balanceOverdue', { amount: formatMoney(m.balance, m.currency), overdue: formatMoney(m.overdue ?? 0, m.currency) })
                : t('capture.matches.balance', { amount: formatMoney(m.balance, m.currency) })}
            </Text>
          )}
          <Group justify="space-between" mt={4} gap={4}>
            <Group gap={4}>
              {m.reasons.map((r) => (
                <Badge key={r} size="xs" color={STRENGTH_COLOR[matchStrength([r])!]} variant="outline">
                  {t(`capture.matches.reason.${r}`)}
                </Badge>
              ))}
            </Group>
            {m.kind === 'lead' ? (
              <Button size="compact-xs" variant="light" onClick={() => onOpenLead(m.leadId!)}>
                {t('capture.matches.openLead')}
              </Button>
            ) : (
              <Button size="compact-xs" variant="light" onClick={() => onAttach(m)}>
                {m.kind === 'contact' ? t('capture.matches.attachContact') : t('capture.matches.attach')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
