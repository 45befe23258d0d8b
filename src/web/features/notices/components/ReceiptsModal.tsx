import { Badge, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAnnouncement } from '../../../../shared/api/notices.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { useReceipts } from '../api/get-receipts.js';
import { formatMoment } from './format.js';

/** The announcement's text and who of its audience has read it. */
export function ReceiptsModal({ schoolId, announcement, onClose }: { schoolId: number; announcement: TAnnouncement; onClose: () => void }) {
  const { t } = useTranslation();
  const receipts = useReceipts(schoolId, announcement.id);
  return (
    <Modal opened onClose={onClose} centered size="xl" title={announcement.title}>
      <Stack gap="md">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {announcement.body}
        </Text>
        <QueryStatus query={receipts}>
          {(r) => (
            <Stack gap="xs">
              <Text fw={600}>{t('notices.readOf', { read: r.announcement.read, total: r.announcement.recipients, pct: Math.round(r.announcement.share * 100) })}</Text>
              <DataTable
                caption={t('notices.receipts')}
                rows={r.readers}
                rowKey={(x) => `${x.userId}-${x.pupilName}`}
                columns={[
                  { key: 'name', header: t('notices.reader'), cell: (x) => x.name },
                  { key: 'role', header: t('notices.who'), cell: (x) => (x.role === 'parent' ? t('notices.parentOf', { name: x.pupilName }) : t('notices.pupil')) },
                  { key: 'class', header: t('notices.class'), cell: (x) => x.classLabel },
                  {
                    key: 'read',
                    header: t('notices.readAt'),
                    cell: (x) => (x.readAt ? formatMoment(x.readAt) : <Badge color="gray" variant="light">{t('notices.unread')}</Badge>),
                  },
                ]}
              />
            </Stack>
          )}
        </QueryStatus>
      </Stack>
    </Modal>
  );
}
