import { Button, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FILL_COMPONENTS, type TFillRow } from '../../../../shared/api/control.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { formatPoints, formatShare, levelColor } from '../format.js';

type Row = TFillRow & { teacherName?: string };

interface FillTableProps {
  rows: Row[];
  keyTitle: string;
  schoolLevel: number;
  caption: string;
  /** opens the missing entries of a row; no button when absent (stored reports) */
  onGaps?: (row: Row) => void;
}

/** Fill level rows, most behind first, with the gap to the school's level. */
export function FillTable({ rows, keyTitle, schoolLevel, caption, onGaps }: FillTableProps) {
  const { t } = useTranslation();
  const withTeacher = rows.some((r) => r.teacherName !== undefined);
  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: keyTitle,
      cell: (r) => (
        <div style={{ minWidth: 200 }}>
          <Text fw={500} size="sm">
            {r.key.name}
          </Text>
          {withTeacher && (
            <Text size="xs" c="dimmed">
              {r.teacherName || t('journal.noTeacher')}
            </Text>
          )}
        </div>
      ),
    },
    {
      key: 'level',
      header: t('control.level'),
      cell: (r) => (
        <Group gap={8} wrap="nowrap" miw={120}>
          <Progress value={r.figures.level * 100} color={levelColor(r.figures.level)} size="sm" w={56} aria-hidden />
          <Text size="sm" fw={600} c={levelColor(r.figures.level)}>
            {formatShare(r.figures.level)}
          </Text>
        </Group>
      ),
    },
    {
      key: 'gap',
      header: <span title={t('control.gapTitle')}>{t('control.gap')}</span>,
      numeric: true,
      cell: (r) =>
        r.figures.level < schoolLevel ? (
          <Text size="sm" c="red">
            {formatPoints(r.figures.level - schoolLevel)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ),
    },
    { key: 'planned', header: t('control.planned'), numeric: true, cell: (r) => r.figures.planned },
    ...FILL_COMPONENTS.map<Column<Row>>((c) => ({
      key: c,
      header: <span title={t(`control.components.${c}`)}>{t(`control.componentsShort.${c}`)}</span>,
      numeric: true,
      cell: (r) => (
        <Text size="sm" c={r.figures.shares[c] < 1 ? levelColor(r.figures.shares[c]) : 'dimmed'}>
          {formatShare(r.figures.shares[c])}
        </Text>
      ),
    })),
  ];
  if (onGaps) {
    columns.push({
      key: 'gaps',
      header: '',
      // the way into a row's missing entries stays in sight on a laptop, where the shares scroll sideways
      stickyEnd: true,
      cell: (r) =>
        r.figures.level < 1 ? (
          <Button size="compact-sm" variant="light" onClick={() => onGaps(r)} aria-label={t('control.showGapsOf', { name: r.key.name })}>
            {t('control.showGaps')}
          </Button>
        ) : null,
    });
  }
  return <DataTable rows={rows} columns={columns} rowKey={(r) => r.key.id} caption={caption} minWidth={1000} horizontalSpacing="xs" />;
}
