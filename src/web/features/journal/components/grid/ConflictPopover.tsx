import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type CellValue, cellText } from '../../lib/cells.js';
import type { TheirCell } from '../../lib/save-queue.js';
import { formatMoment } from './labels.js';

interface ConflictPopoverProps {
  /** what the server holds now for the focused cell */
  theirs: TheirCell;
  mine: CellValue;
  children: ReactElement;
  onKeepTheirs: () => void;
  onOverwrite: () => void;
}

/** Beside a cell somebody else changed: who and when, their value and the teacher's, and the two ways out. */
export function ConflictPopover({ theirs, mine, children, onKeepTheirs, onOverwrite }: ConflictPopoverProps) {
  const { t } = useTranslation();
  const show = (v: CellValue) => cellText(v) || t('journal.cell.empty');
  return (
    <Popover opened position="bottom-start" withArrow shadow="md" trapFocus={false} returnFocus={false} width={320}>
      <Popover.Target>{children}</Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('journal.cell.conflictTitle')}>
        <Stack gap={6}>
          <Text size="sm" fw={650} c="orange.9">
            {t('journal.cell.conflictTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('journal.cell.conflictBy', {
              who: theirs.updatedBy ?? t('journal.cell.someone'),
              when: theirs.updatedAt ? formatMoment(theirs.updatedAt) : '',
            })}
          </Text>
          <Text size="sm">{t('journal.cell.theirs', { value: show(theirs) })}</Text>
          <Text size="sm">{t('journal.cell.mine', { value: show(mine) })}</Text>
          <Group gap="xs" mt={4}>
            <Button size="xs" variant="default" onClick={onKeepTheirs}>
              {t('journal.cell.keepTheirs')}
            </Button>
            <Button size="xs" color="orange" onClick={onOverwrite}>
              {t('journal.cell.overwrite')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
