import { Anchor, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TRemarksByTeacher } from '../../../../shared/api/control.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { useNumberParam } from '../../../lib/params.js';
import { pageTitle } from '../../journal/components/PagesTable.js';
import { usePages } from '../../journal/api/get-pages.js';
import { type RemarksFilter, useRemarks } from '../api/get-remarks.js';
import { useRemarksByTeacher } from '../api/get-remarks-by-teacher.js';
import { RemarkCard } from './RemarkCard.js';
import { RemarkForm } from './RemarkForm.js';

type Status = NonNullable<RemarksFilter['status']>;
const STATUSES: Status[] = ['active', 'open', 'overdue', 'fixed', 'closed', 'all'];
type TeacherRow = TRemarksByTeacher['teachers'][number];

function NewRemarkModal({ schoolId, today, opened, onClose }: { schoolId: number; today: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const pages = usePages(schoolId);
  const options = (pages.data ?? []).map((p) => ({ value: String(p.id), label: `${pageTitle(p)}${p.teacherName ? ` — ${p.teacherName}` : ''}` }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('control.newRemark')} size="lg">
      <RemarkForm schoolId={schoolId} today={today} pages={options} onDone={onClose} />
    </Modal>
  );
}

function ByTeacher({ schoolId, onPick }: { schoolId: number; onPick: (id: number | null) => void }) {
  const { t } = useTranslation();
  const counts = useRemarksByTeacher(schoolId);
  const columns: Column<TeacherRow>[] = [
    {
      key: 'teacher',
      header: t('journal.teacher'),
      cell: (r) => (
        <Anchor component="button" type="button" onClick={() => onPick(r.teacherId)}>
          {r.teacherName || t('journal.noTeacher')}
        </Anchor>
      ),
    },
    { key: 'open', header: t('control.remarkOpen'), numeric: true, cell: (r) => r.open },
    { key: 'overdue', header: t('control.remarkOverdue'), numeric: true, cell: (r) => <Text c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : 400}>{r.overdue}</Text> },
    { key: 'fixed', header: t('control.remarkFixed'), numeric: true, cell: (r) => r.fixed },
  ];
  return (
    <Section title={t('control.remarksByTeacher')}>
      <QueryStatus query={counts}>
        {(data) =>
          data.teachers.length ? (
            <DataTable rows={data.teachers} columns={columns} rowKey={(r) => r.teacherId ?? 0} caption={t('control.remarksByTeacher')} />
          ) : (
            <EmptyNote>{t('control.remarksNone')}</EmptyNote>
          )
        }
      </QueryStatus>
    </Section>
  );
}

/** /s/:schoolId/remarks: open and overdue remarks per teacher, and the remarks themselves. */
export function RemarksRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const leads = roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
  const controls = roles.includes('head') || roles.includes('controller');
  const [params, setParams] = useSearchParams();
  const status = (STATUSES.find((s) => s === params.get('status')) ?? 'active') as Status;
  const teacherId = params.get('teacher') ? Number(params.get('teacher')) : undefined;
  const remarks = useRemarks(schoolId, { status, teacherId });
  const [adding, setAdding] = useState(false);
  const update = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('control.remarks')}
        aside={
          <Group gap="xs">
            {leads && (
              <Button component={Link} to={`/s/${schoolId}/analysis`} variant="default">
                {t('control.analysisShort')}
              </Button>
            )}
            {controls && <Button onClick={() => setAdding(true)}>{t('control.newRemark')}</Button>}
          </Group>
        }
      />
      <Stack gap={36}>
        {leads && <ByTeacher schoolId={schoolId} onPick={(id) => update('teacher', id ? String(id) : null)} />}
        <Section
          title={t('control.remarksShort')}
          aside={
            teacherId ? (
              <Button size="compact-sm" variant="subtle" onClick={() => update('teacher', null)}>
                {t('control.statusFilters.all')}
              </Button>
            ) : undefined
          }
        >
          <SegmentedControl
            data={STATUSES.map((s) => ({ value: s, label: t(`control.statusFilters.${s}`) }))}
            value={status}
            onChange={(v) => update('status', v === 'active' ? null : v)}
            aria-label={t('control.statusFilter')}
          />
          <QueryStatus query={remarks}>
            {(data) =>
              data.remarks.length ? (
                <Stack gap="sm">
                  {data.remarks.map((r) => (
                    <RemarkCard key={r.id} schoolId={schoolId} remark={r} />
                  ))}
                </Stack>
              ) : (
                <EmptyNote>{t('control.remarksNone')}</EmptyNote>
              )
            }
          </QueryStatus>
        </Section>
      </Stack>
      {controls && remarks.data && <NewRemarkModal schoolId={schoolId} today={remarks.data.today} opened={adding} onClose={() => setAdding(false)} />}
    </>
  );
}
