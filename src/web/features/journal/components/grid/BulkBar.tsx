import { Button, Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface BulkBarProps {
  /** more than one cell is selected */
  block: boolean;
  /** pencil marks in the selection, in the focused lesson, on the page */
  pencil: { selection: number; lesson: number; page: number };
  onFill: () => void;
  onConfirmSelection: () => void;
  onConfirmLesson: () => void;
}

/**
 * The grid's bulk actions: one value for the selected block; confirming pencil marks of the
 * selection or the lesson. On a phone an action that cannot be used now is not shown (its
 * disabled button only pushed the grid down), nor the bar when it has nothing to offer.
 */
export function BulkBar({ block, pencil, onFill, onConfirmSelection, onConfirmLesson }: BulkBarProps) {
  const { t } = useTranslation();
  const onPhoneWhen = (usable: boolean) => (usable ? undefined : 'sm');
  const idle = !block && pencil.selection === 0 && pencil.lesson === 0 && pencil.page === 0;
  return (
    <div className={idle ? 'jg-bulkbar jg-bulkbar-idle' : 'jg-bulkbar'}>
      <Group gap={6} wrap="wrap">
        <Button size="compact-sm" variant="light" onClick={onFill} disabled={!block} visibleFrom={onPhoneWhen(block)} title={t('timesavers.fillTitle')}>
          {t('timesavers.fill')}
          <Kbd size="xs" ml={6} visibleFrom="md">
            Ctrl+Enter
          </Kbd>
        </Button>
        <Button size="compact-sm" variant="light" color="gray" onClick={onConfirmSelection} disabled={pencil.selection === 0} visibleFrom={onPhoneWhen(pencil.selection > 0)}>
          {t('timesavers.confirmSelection')}
          <Kbd size="xs" ml={6} visibleFrom="md">
            Alt+P
          </Kbd>
        </Button>
        <Button size="compact-sm" variant="light" color="gray" onClick={onConfirmLesson} disabled={pencil.lesson === 0} visibleFrom={onPhoneWhen(pencil.lesson > 0)}>
          {t('timesavers.confirmLesson')}
        </Button>
      </Group>
      {pencil.page > 0 && (
        <Text size="xs" c="dimmed" fs="italic">
          {t('timesavers.pencilCount', { count: pencil.page })}
        </Text>
      )}
    </div>
  );
}
