import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTeacherLoad } from '../../../../shared/api/curriculum.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { Section } from '../../../components/ui/Section.js';
import { notifyError, notifySuccess } from '../../../lib/notify.js';
import { useChangeLoad } from '../api/change-load.js';

/** Every teacher's weekly hours and pages; over the limit in red. */
export function TeachersLoad({ schoolId, teachers, limit, canEdit }: { schoolId: number; teachers: readonly TTeacherLoad[]; limit: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const change = useChangeLoad(schoolId);
  const [value, setValue] = useState<number | string>(limit);
  return (
    <Section title={t('curriculum.teachers.title')}>
      {canEdit && (
        <Group align="flex-end" gap="xs">
          <NumberInput label={t('curriculum.teachers.limit')} value={value} onChange={setValue} min={1} max={60} step={0.5} decimalScale={1} w={150} />
          <Button
            variant="default"
            loading={change.isPending}
            disabled={Number(value) === limit}
            onClick={() => change.mutate({ kind: 'limit', maxTeacherHours: Number(value) }, { onSuccess: () => notifySuccess(t('curriculum.teachers.limitSaved')), onError: notifyError })}
          >
            {t('curriculum.teachers.saveLimit')}
          </Button>
        </Group>
      )}
      <DataTable
        caption={t('curriculum.teachers.title')}
        rows={teachers}
        rowKey={(x) => x.id}
        minWidth={320}
        columns={[
          { key: 'name', header: t('curriculum.teachers.name'), cell: (x) => x.name },
          {
            key: 'hours',
            header: t('curriculum.teachers.hours'),
            numeric: true,
            cell: (x) => (
              <Text size="sm" c={x.hours > limit ? 'red.8' : x.hours === 0 ? 'dimmed' : undefined} fw={x.hours > limit ? 700 : undefined}>
                {x.hours}
              </Text>
            ),
          },
          { key: 'pages', header: t('curriculum.teachers.pages'), numeric: true, cell: (x) => x.pages },
        ]}
      />
    </Section>
  );
}
