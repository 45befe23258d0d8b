import { Anchor, Badge, Button, Group, Menu, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAdminPupil, TClassDetail, TGuardian } from '../../../../shared/api/admin.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { formatDate, todayIso } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useNumberParam } from '../../../lib/params.js';
import { useAdminClasses } from '../api/get-admin-classes.js';
import { useClassDetail } from '../api/get-class-detail.js';
import { useSetClassTeacher } from '../api/set-class-teacher.js';
import { useUnlinkGuardian } from '../api/unlink-guardian.js';
import { ConfirmModal } from './admin-form.js';
import { useTeacherChoices } from './ClassesAdminRoute.js';
import { GuardianFormModal } from './GuardianFormModal.js';
import { MovementTable } from './MovementTable.js';
import { MoveModal } from './MoveModal.js';
import { PupilFormModal } from './PupilFormModal.js';

type Dialog =
  | { kind: 'pupil' }
  | { kind: 'guardian' | 'edit' | 'transfer' | 'departure' | 'arrival'; pupil: TAdminPupil }
  | { kind: 'editGuardian'; pupil: TAdminPupil; guardian: TGuardian }
  | { kind: 'unlink'; pupil: TAdminPupil; guardian: TGuardian }
  | null;

const nameOf = (p: TAdminPupil) => `${p.lastName} ${p.firstName} ${p.middleName}`.trim();

function ClassTeacherPicker({ schoolId, detail }: { schoolId: number; detail: TClassDetail }) {
  const { t } = useTranslation();
  const teachers = useTeacherChoices(schoolId);
  const save = useSetClassTeacher(schoolId, detail.class.id);
  return (
    <Select
      label={t('admin.classes.classTeacher')}
      data={teachers}
      value={detail.class.classTeacher ? String(detail.class.classTeacher.id) : null}
      onChange={(v) => save.mutate(v ? Number(v) : null, { onSuccess: () => notifySuccess(t('admin.class.teacherSaved')) })}
      searchable
      clearable
      w={320}
      placeholder={t('admin.classes.none')}
    />
  );
}

/** /s/:schoolId/admin/classes/:classId: the class's pupils with parents, and its movement. */
export function ClassAdminRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const classId = useNumberParam('classId');
  const detail = useClassDetail(schoolId, classId);
  const classes = useAdminClasses(schoolId);
  const unlink = useUnlinkGuardian(schoolId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const today = todayIso();

  const columns: Column<TAdminPupil>[] = [
    { key: 'n', header: '№', cell: (_, i) => i + 1, numeric: true },
    {
      key: 'name',
      header: t('admin.name'),
      cell: (p) => (
        <Stack gap={2}>
          <Text fw={600} c={p.toDate && p.toDate < today ? 'dimmed' : undefined}>
            {nameOf(p)}
          </Text>
          {p.toDate && <Badge color="orange" variant="light" size="sm">{t('admin.class.leftOn', { date: formatDate(p.toDate) })}</Badge>}
        </Stack>
      ),
    },
    { key: 'birth', header: t('admin.class.birthDate'), cell: (p) => (p.birthDate ? formatDate(p.birthDate) : '—') },
    {
      key: 'guardians',
      header: t('admin.class.guardians'),
      cell: (p) => (
        <Stack gap={2}>
          {p.guardians.map((g) => (
            <Group key={g.id} gap={6} wrap="nowrap">
              <Anchor component="button" size="sm" c="dark" ta="left" onClick={() => setDialog({ kind: 'editGuardian', pupil: p, guardian: g })}>
                {g.lastName} {g.firstName}{' '}
                <Text span c="dimmed" size="xs">
                  ({t(`people.relation.${g.relation}`)}
                  {g.phone && (
                    <>
                      , <span style={{ whiteSpace: 'nowrap' }}>{g.phone}</span>
                    </>
                  )}
                  )
                </Text>
              </Anchor>
              <Anchor component="button" size="xs" c="dimmed" onClick={() => setDialog({ kind: 'unlink', pupil: p, guardian: g })}>
                {t('admin.class.removeGuardian')}
              </Anchor>
            </Group>
          ))}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('admin.actions'),
      cell: (p) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" aria-label={`${t('admin.actions')}: ${nameOf(p)}`}>
              {t('admin.actions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog({ kind: 'edit', pupil: p })}>{t('admin.class.editPupil')}</Menu.Item>
            <Menu.Item onClick={() => setDialog({ kind: 'guardian', pupil: p })}>{t('admin.class.addGuardian')}</Menu.Item>
            {p.toDate && <Menu.Item onClick={() => setDialog({ kind: 'arrival', pupil: p })}>{t('admin.class.arrival')}</Menu.Item>}
            {!p.toDate && <Menu.Item onClick={() => setDialog({ kind: 'transfer', pupil: p })}>{t('admin.class.transfer')}</Menu.Item>}
            {!p.toDate && <Menu.Item color="red" onClick={() => setDialog({ kind: 'departure', pupil: p })}>{t('admin.class.departure')}</Menu.Item>}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  const allClasses = (classes.data?.classes ?? []).map((c) => ({ value: String(c.id), label: c.label }));
  const otherClasses = allClasses.filter((c) => c.value !== String(classId));

  return (
    <QueryStatus query={detail}>
      {(d) => (
        <>
          <PageHeader
            title={t('admin.class.title', { label: d.class.label })}
            description={
              <Anchor component={Link} to={`/s/${schoolId}/admin/classes`} size="sm">
                {t('admin.classes.title')} · {t('admin.classes.year', { name: d.year.name })}
              </Anchor>
            }
            aside={<ClassTeacherPicker schoolId={schoolId} detail={d} />}
          />
          <Stack gap={36}>
            <Section title={t('admin.class.pupils')} aside={<Button onClick={() => setDialog({ kind: 'pupil' })}>{t('admin.class.addPupil')}</Button>}>
              {d.pupils.length ? (
                <DataTable rows={d.pupils} columns={columns} rowKey={(p) => `${p.id}-${p.fromDate}`} caption={t('admin.class.pupils')} minWidth={760} />
              ) : (
                <EmptyNote>{t('admin.class.empty')}</EmptyNote>
              )}
            </Section>
            <Section title={t('admin.class.movement')}>
              <MovementTable movement={d.movement} />
            </Section>
          </Stack>
          {(dialog?.kind === 'pupil' || dialog?.kind === 'edit') && (
            <PupilFormModal
              schoolId={schoolId}
              classId={classId}
              label={d.class.label}
              yearStart={d.year.startsOn}
              editing={dialog.kind === 'edit' ? dialog.pupil : undefined}
              onClose={close}
            />
          )}
          {dialog?.kind === 'editGuardian' && (
            <GuardianFormModal schoolId={schoolId} pupilId={dialog.pupil.id} pupilName={nameOf(dialog.pupil)} editing={dialog.guardian} onClose={close} />
          )}
          {dialog?.kind === 'guardian' && <GuardianFormModal schoolId={schoolId} pupilId={dialog.pupil.id} pupilName={nameOf(dialog.pupil)} onClose={close} />}
          {dialog?.kind === 'unlink' && (
            <ConfirmModal
              opened
              text={t('admin.class.confirmUnlink', { guardian: `${dialog.guardian.lastName} ${dialog.guardian.firstName}`, pupil: nameOf(dialog.pupil) })}
              confirmLabel={t('admin.class.removeGuardian')}
              busy={unlink.isPending}
              onClose={close}
              onConfirm={() => unlink.mutate({ pupilId: dialog.pupil.id, guardianId: dialog.guardian.id }, { onSettled: close })}
            />
          )}
          {(dialog?.kind === 'transfer' || dialog?.kind === 'departure' || dialog?.kind === 'arrival') && (
            <MoveModal
              schoolId={schoolId}
              kind={dialog.kind}
              pupilId={dialog.pupil.id}
              pupilName={nameOf(dialog.pupil)}
              classes={dialog.kind === 'arrival' ? allClasses : otherClasses}
              onClose={close}
            />
          )}
        </>
      )}
    </QueryStatus>
  );
}
