import { ActionIcon, Button, Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconHistory } from './icons.js';
import type { CellValue } from '../../lib/cells.js';
import { cellText } from '../../lib/cells.js';
import type { GridColumn, GridRow } from '../../lib/grid-model.js';
import type { CellStatus } from '../../lib/save-queue.js';
import { columnTitle } from './labels.js';

interface CellBarProps {
  column: GridColumn | undefined;
  row: GridRow | undefined;
  value: CellValue;
  status: CellStatus | null;
  /** a short note of the last action: what a paste did, why a cell cannot be changed */
  notice: string | null;
  onHistory: () => void;
  onLesson: (lessonId: number) => void;
}

/** The line over the grid about the focused cell: whose, which lesson, the value, why it is not saved; history and lesson buttons. */
export function CellBar({ column, row, value, status, notice, onHistory, onLesson }: CellBarProps) {
  const { t } = useTranslation();
  if (!column || !row) return <div className="jg-cellbar" />;
  const text = cellText(value);
  const topic = column.lesson?.topic;
  const message = status && 'message' in status ? status.message : status?.kind === 'pending' ? t('journal.cell.pending') : null;
  return (
    <div className="jg-cellbar">
      <div className="jg-cellbar-where" aria-live="polite">
        <Text span size="sm" fw={600}>
          {row.pupil.name}
        </Text>
        <Text span size="sm" c="dimmed">
          {' · '}
          {columnTitle(t, column)}
          {topic ? ` · ${topic}` : ''}
        </Text>
        {' · '}
        <span className="jg-cellbar-value">{value.absent ? t('journal.cell.absent') : (value.tentative ? value.mark : text) || <Text span size="sm" c="dimmed">{t('journal.cell.empty')}</Text>}</span>
        {value.tentative && (
          <Text span size="xs" c="dimmed" fs="italic" ml={4} title={t('timesavers.tentativeTitle')}>
            {t('timesavers.tentative')}
          </Text>
        )}
        {(message || notice) && (
          <Text span size="sm" c={status && status.kind !== 'pending' ? 'red.7' : 'dimmed'} ml="sm">
            {message ?? notice}
          </Text>
        )}
      </div>
      <Group gap={6} wrap="nowrap">
        {column.lesson && (
          <Button size="compact-sm" variant="subtle" onClick={() => onLesson(column.lesson!.id)} visibleFrom="sm">
            {t('journal.lesson.title', { date: columnTitle(t, column) })}
          </Button>
        )}
        <Button size="compact-sm" variant="subtle" leftSection={<IconHistory size={14} />} onClick={onHistory} title="Alt+H" visibleFrom="sm">
          {t('journal.cell.history')}
          <Kbd size="xs" ml={6} visibleFrom="md">
            Alt+H
          </Kbd>
        </Button>
        <ActionIcon variant="subtle" onClick={onHistory} aria-label={t('journal.cell.history')} hiddenFrom="sm">
          <IconHistory size={16} />
        </ActionIcon>
      </Group>
    </div>
  );
}
