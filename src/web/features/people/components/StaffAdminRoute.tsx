import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStaffMember } from '../../../../shared/api/admin.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { useNumberParam } from '../../../lib/params.js';
import type { TCredentials } from '../api/create-staff.js';
import { useStaff } from '../api/get-staff.js';
import { useResetStaffPassword } from '../api/reset-staff-password.js';
import { useSetStaffActive } from '../api/set-staff-active.js';
import { ConfirmModal } from './admin-form.js';
import { CredentialsModal, type TShownCredential } from './CredentialsModal.js';
import { StaffFormModal } from './StaffFormModal.js';
import { StaffHistoryModal } from './StaffHistoryModal.js';
import { StaffRolesModal } from './StaffRolesModal.js';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'roles' | 'history' | 'deactivate' | 'reset'; member: TStaffMember }
  | null;

const fullName = (m: TStaffMember) => `${m.lastName} ${m.firstName} ${m.middleName}`.trim();

/** /s/:schoolId/admin/staff: accounts, roles, passwords and deactivation of the school's staff. */
export function StaffAdminRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const staff = useStaff(schoolId);
  const setActive = useSetStaffActive(schoolId);
  const reset = useResetStaffPassword(schoolId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [shown, setShown] = useState<TShownCredential[] | null>(null);
  const close = () => setDialog(null);
  const showCredentials = (c: TCredentials) => setShown([{ name: fullName(c.staff), login: c.login, initialPassword: c.initialPassword }]);

  const columns: Column<TStaffMember>[] = [
    {
      key: 'name',
      header: t('admin.name'),
      cell: (m) => (
        <Stack gap={0}>
          <Text fw={600} c={m.active ? undefined : 'dimmed'}>
            {fullName(m)}
          </Text>
          <Text size="xs" c="dimmed">
            {[m.login, m.position, m.email].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'roles',
      header: t('admin.staff.roles'),
      cell: (m) => (
        <Group gap={4}>
          {m.roles.map((r) => (
            <Badge key={r} variant="light" size="sm">
              {t(`roles.${r}`)}
            </Badge>
          ))}
          {m.classes.map((c) => (
            <Badge key={c.id} variant="outline" size="sm">
              {t('roles.class_teacher')} {c.label}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'status',
      header: t('admin.staff.status'),
      cell: (m) => (
        <Stack gap={2}>
          <Badge color={m.active ? 'teal' : 'gray'} variant="light">
            {m.active ? t('admin.staff.active') : t('admin.staff.inactive')}
          </Badge>
          {m.active && m.mustChangePassword && (
            <Text size="xs" c="dimmed">
              {t('admin.staff.mustChange')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('admin.actions'),
      cell: (m) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" aria-label={`${t('admin.actions')}: ${fullName(m)}`}>
              {t('admin.actions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog({ kind: 'edit', member: m })}>{t('admin.staff.edit')}</Menu.Item>
            <Menu.Item onClick={() => setDialog({ kind: 'roles', member: m })}>{t('admin.staff.editRoles')}</Menu.Item>
            <Menu.Item onClick={() => setDialog({ kind: 'reset', member: m })}>{t('admin.staff.resetPassword')}</Menu.Item>
            <Menu.Item onClick={() => setDialog({ kind: 'history', member: m })}>{t('admin.staff.history')}</Menu.Item>
            {m.active ? (
              <Menu.Item color="red" onClick={() => setDialog({ kind: 'deactivate', member: m })}>
                {t('admin.staff.deactivate')}
              </Menu.Item>
            ) : (
              <Menu.Item onClick={() => setActive.mutate({ userId: m.userId, active: true })}>{t('admin.staff.activate')}</Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('admin.staff.title')} aside={<Button onClick={() => setDialog({ kind: 'create' })}>{t('admin.staff.add')}</Button>} />
      <QueryStatus query={staff}>
        {(list) =>
          list.length ? (
            <DataTable rows={list} columns={columns} rowKey={(m) => m.userId} caption={t('admin.staff.title')} minWidth={720} />
          ) : (
            <EmptyNote>{t('admin.staff.empty')}</EmptyNote>
          )
        }
      </QueryStatus>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <StaffFormModal
          key={dialog.kind === 'edit' ? dialog.member.userId : 'new'}
          schoolId={schoolId}
          opened
          editing={dialog.kind === 'edit' ? dialog.member : null}
          onClose={close}
          onCreated={showCredentials}
        />
      )}
      {dialog?.kind === 'roles' && <StaffRolesModal schoolId={schoolId} member={dialog.member} onClose={close} />}
      {dialog?.kind === 'history' && <StaffHistoryModal schoolId={schoolId} member={dialog.member} onClose={close} />}
      {dialog?.kind === 'deactivate' && (
        <ConfirmModal
          opened
          text={t('admin.staff.confirmDeactivate', { name: fullName(dialog.member) })}
          confirmLabel={t('admin.staff.deactivate')}
          busy={setActive.isPending}
          onClose={close}
          onConfirm={() => setActive.mutate({ userId: dialog.member.userId, active: false }, { onSettled: close })}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ConfirmModal
          opened
          color="blue"
          text={t('admin.staff.confirmReset', { name: fullName(dialog.member) })}
          confirmLabel={t('admin.staff.resetPassword')}
          busy={reset.isPending}
          onClose={close}
          onConfirm={() =>
            reset.mutate(dialog.member.userId, {
              onSuccess: (c) => {
                close();
                showCredentials(c);
              },
              onError: close,
            })
          }
        />
      )}
      <CredentialsModal credentials={shown} onClose={() => setShown(null)} />
    </>
  );
}
