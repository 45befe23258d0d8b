import { Drawer, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HistoryList } from './HistoryList.js';
import type { CellHistoryTarget } from './JournalGrid.js';

interface HistoryDrawerProps {
  schoolId: number;
  pageId: number;
  target: CellHistoryTarget | null;
  onClose: () => void;
}

/** The change history of one cell, beside the grid. */
export function HistoryDrawer({ schoolId, pageId, target, onClose }: HistoryDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size="md" title={t('journal.history.title')}>
      {target && (
        <>
          <Text size="sm" c="dimmed" mb="md">
            {target.title}
          </Text>
          <HistoryList
            schoolId={schoolId}
            pageId={pageId}
            filter={{ lessonId: target.lessonId, columnId: target.columnId, pupilId: target.pupilId }}
          />
        </>
      )}
    </Drawer>
  );
}
