import { Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TStaffMember } from '../../../../shared/api/admin.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { useStaffHistory } from '../api/get-staff-history.js';

function describe(details: Record<string, unknown>, t: (k: string) => string): string {
  if (typeof details.role === 'string') return t(`roles.${details.role}`);
  return Object.entries(details)
    .filter(([, v]) => v && typeof v === 'object' && 'to' in (v as object))
    .map(([k, v]) => `${k}: ${String((v as { from: unknown }).from || '—')} → ${String((v as { to: unknown }).to || '—')}`)
    .join('; ');
}

/** Who changed what about a staff member, and when. */
export function StaffHistoryModal({ schoolId, member, onClose }: { schoolId: number; member: TStaffMember; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = useStaffHistory(schoolId, member.userId);
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'uk-UA', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Modal opened onClose={onClose} title={t('admin.staff.historyTitle', { name: `${member.lastName} ${member.firstName}` })} centered size="lg">
      <QueryStatus query={history}>
        {(changes) =>
          changes.length ? (
            <Table>
              <Table.Tbody>
                {changes.map((c) => (
                  <Table.Tr key={`${c.at}-${c.action}-${JSON.stringify(c.details)}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when.format(new Date(c.at))}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {t(`admin.staff.changes.${c.action}` as 'admin.staff.changes.created')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {describe(c.details, t as (k: string) => string)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.by ?? 'CLI'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t('admin.staff.historyEmpty')}</Text>
          )
        }
      </QueryStatus>
    </Modal>
  );
}
