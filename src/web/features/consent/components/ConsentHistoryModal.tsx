import { Anchor, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/DataTable.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate } from '../../../lib/format.js';
import { scanUrl } from '../api/get-class-consent.js';
import { useConsentHistory } from '../api/get-consent-history.js';

/** Every consent given or withdrawn for a pupil, oldest first: nothing is ever removed. */
export function ConsentHistoryModal({ schoolId, pupilId, pupilName, onClose }: { schoolId: number; pupilId: number; pupilName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useConsentHistory(schoolId, pupilId);
  return (
    <Modal opened onClose={onClose} centered size="xl" title={t('consent.history.title', { name: pupilName })}>
      <QueryStatus query={history}>
        {(h) =>
          h.records.length ? (
            <DataTable
              caption={t('consent.history.title', { name: pupilName })}
              minWidth={720}
              rows={h.records}
              rowKey={(r) => r.id}
              columns={[
                { key: 'date', header: t('consent.history.date'), cell: (r) => formatDate(r.signedOn) },
                { key: 'guardian', header: t('consent.guardian'), cell: (r) => r.guardianName },
                {
                  key: 'action',
                  header: t('consent.history.action'),
                  cell: (r) => (
                    <Text size="sm" fw={600} c={r.action === 'given' ? 'teal' : 'red'}>
                      {t(`consent.action.${r.action}`)}
                    </Text>
                  ),
                },
                { key: 'channel', header: t('consent.history.channel'), cell: (r) => t(`consent.channel.${r.channel}`) },
                { key: 'notice', header: t('consent.history.notice'), numeric: true, cell: (r) => r.noticeVersion },
                {
                  key: 'scan',
                  header: t('consent.history.scan'),
                  cell: (r) =>
                    r.scanId ? (
                      <Anchor href={scanUrl(schoolId, r.scanId)} target="_blank" rel="noopener">
                        {t('consent.history.openScan')}
                      </Anchor>
                    ) : (
                      t('common.none')
                    ),
                },
                {
                  key: 'by',
                  header: t('consent.history.recordedBy'),
                  cell: (r) => (
                    <Text size="sm">
                      {r.recordedBy ?? t('common.none')}
                      {r.note && (
                        <Text span size="xs" c="dimmed" display="block">
                          {r.note}
                        </Text>
                      )}
                    </Text>
                  ),
                },
              ]}
            />
          ) : (
            <Text c="dimmed">{t('consent.history.empty')}</Text>
          )
        }
      </QueryStatus>
    </Modal>
  );
}
