import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMovementEntry } from '../../../../shared/api/admin.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { formatDate } from '../../../lib/format.js';

/** The class's movement of pupils: who arrived and who left, when, by which order. */
export function MovementTable({ movement }: { movement: TMovementEntry[] }) {
  const { t } = useTranslation();
  if (!movement.length) return <EmptyNote>{t('admin.class.noMovement')}</EmptyNote>;
  const columns: Column<TMovementEntry>[] = [
    { key: 'date', header: t('admin.date'), cell: (m) => formatDate(m.date) },
    {
      key: 'kind',
      header: t('admin.class.kind'),
      cell: (m) => (
        <Badge color={m.kind === 'arrived' ? 'teal' : 'orange'} variant="light">
          {m.kind === 'arrived' ? t('admin.class.arrived') : t('admin.class.left')}
        </Badge>
      ),
    },
    { key: 'name', header: t('admin.name'), cell: (m) => m.pupilName },
    {
      key: 'other',
      header: '',
      cell: (m) =>
        m.otherClass ? (
          <Text size="sm" c="dimmed">
            {t(m.kind === 'arrived' ? 'admin.class.fromClass' : 'admin.class.toClass', { label: m.otherClass })}
          </Text>
        ) : null,
    },
    { key: 'order', header: t('admin.order'), cell: (m) => m.order || '—' },
  ];
  return <DataTable rows={movement} columns={columns} rowKey={(m) => `${m.pupilId}-${m.kind}-${m.date}`} caption={t('admin.class.movement')} />;
}
