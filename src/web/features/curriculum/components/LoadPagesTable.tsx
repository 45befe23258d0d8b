import { ActionIcon, NumberInput, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLoadPage, TTeacherLoad } from '../../../../shared/api/curriculum.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { notifyError, notifySuccess } from '../../../lib/notify.js';
import { type TLoadChange, useChangeLoad } from '../api/change-load.js';

interface Props {
  schoolId: number;
  pages: readonly TLoadPage[];
  teachers: readonly TTeacherLoad[];
  scales: readonly { code: string; name: string }[];
  canEdit: boolean;
}

/** A class's pages: teacher, weekly hours and scale change in place; a page nobody wrote on can go. */
export function LoadPagesTable({ schoolId, pages, teachers, scales, canEdit }: Props) {
  const { t } = useTranslation();
  const change = useChangeLoad(schoolId);
  const apply = (c: TLoadChange, message: string) => change.mutate(c, { onSuccess: () => notifySuccess(message), onError: notifyError });
  if (!pages.length) return <EmptyNote>{t('curriculum.load.empty')}</EmptyNote>;
  const teacherOptions = teachers.map((x) => ({ value: String(x.id), label: x.name }));
  const scaleOptions = scales.map((s) => ({ value: s.code, label: s.name }));

  return (
    <DataTable
      caption={t('curriculum.load.tableCaption')}
      rows={pages}
      rowKey={(p) => p.id}
      minWidth={680}
      columns={[
        { key: 'subject', header: t('curriculum.load.subject'), cell: (p) => (p.groupName ? `${p.subjectName} (${p.groupName})` : p.subjectName) },
        {
          key: 'teacher',
          header: t('curriculum.load.teacher'),
          cell: (p) =>
            canEdit ? (
              <Select
                aria-label={t('curriculum.load.teacherOf', { subject: p.subjectName })}
                data={teacherOptions}
                value={p.teacherId === null ? null : String(p.teacherId)}
                placeholder={t('curriculum.load.noTeacher')}
                onChange={(v) => apply({ kind: 'change', pageId: p.id, patch: { teacherId: v ? Number(v) : null } }, t('curriculum.load.saved'))}
                searchable
                clearable
                size="xs"
                w={230}
                comboboxProps={{ shadow: 'md' }}
              />
            ) : (
              (p.teacherName ?? t('curriculum.load.noTeacher'))
            ),
        },
        {
          key: 'hours',
          header: t('curriculum.load.hours'),
          cell: (p) =>
            canEdit ? (
              <NumberInput
                key={`${p.id}:${p.hoursPerWeek}`}
                aria-label={t('curriculum.load.hoursOf', { subject: p.subjectName })}
                defaultValue={p.hoursPerWeek}
                min={0.5}
                max={40}
                step={0.5}
                decimalScale={1}
                size="xs"
                w={80}
                onBlur={(e) => {
                  const value = Number(e.currentTarget.value.replace(',', '.'));
                  if (value > 0 && value !== p.hoursPerWeek) apply({ kind: 'change', pageId: p.id, patch: { hoursPerWeek: value } }, t('curriculum.load.saved'));
                }}
              />
            ) : (
              p.hoursPerWeek
            ),
        },
        {
          key: 'scale',
          header: t('curriculum.load.scale'),
          cell: (p) =>
            canEdit ? (
              <Select
                aria-label={t('curriculum.load.scaleOf', { subject: p.subjectName })}
                data={scaleOptions}
                value={p.scaleCode}
                onChange={(v) => v && v !== p.scaleCode && apply({ kind: 'change', pageId: p.id, patch: { scaleCode: v } }, t('curriculum.load.saved'))}
                allowDeselect={false}
                size="xs"
                w={200}
              />
            ) : (
              (scales.find((s) => s.code === p.scaleCode)?.name ?? p.scaleCode)
            ),
        },
        {
          key: 'timetable',
          header: t('curriculum.load.inTimetable'),
          numeric: true,
          cell: (p) => (
            <Text size="sm" c={p.timetableHours === p.hoursPerWeek ? undefined : 'orange.8'} fw={p.timetableHours === p.hoursPerWeek ? undefined : 600}>
              {p.timetableHours}
            </Text>
          ),
        },
        ...(canEdit
          ? [
              {
                key: 'delete',
                header: '',
                cell: (p: TLoadPage) => (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('curriculum.load.delete', { subject: p.subjectName })}
                    onClick={() => apply({ kind: 'delete', pageId: p.id }, t('curriculum.load.deleted'))}
                  >
                    ×
                  </ActionIcon>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
