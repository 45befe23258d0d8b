import { Anchor, Badge, Button, Group, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TArchive } from '../../../../shared/api/archive.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { archiveFileUrl, archiveZipUrl } from '../api/get-archive-file.js';
import { useVerifyArchive } from '../api/verify-archive.js';
import { SignPanel } from './SignPanel.js';
import { VerifyReportView } from './VerifyReportView.js';

const megabytes = (bytes: number) => `${formatNumber(Math.max(0.1, Math.round(bytes / 104857.6) / 10))}\u00a0МБ`;

/** One archive: build progress, then its size, retention, signatures and what can be done with it. */
export function ArchiveCard({ schoolId, archive, canSign }: { schoolId: number; archive: TArchive; canSign: boolean }) {
  const { t } = useTranslation();
  const [signing, setSigning] = useState(false);
  const verify = useVerifyArchive(schoolId);
  const p = archive.progress;
  const percent = p?.total ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('archive.cardTitle', { year: archive.yearName, version: archive.version })}</Text>
          <Badge color={archive.status === 'built' ? (archive.signatures.length ? 'teal' : 'blue') : archive.status === 'failed' ? 'red' : 'gray'} variant="light">
            {archive.status === 'built' ? (archive.signatures.length ? t('archive.signedBadge') : t('archive.builtBadge')) : t(`archive.status.${archive.status}`)}
          </Badge>
        </Group>
        {archive.status === 'building' && (
          <Stack gap={4}>
            <Progress value={percent} animated aria-label={t('archive.progress')} />
            <Text size="xs" c="dimmed">
              {p ? t('archive.progressLine', { done: p.done, total: p.total, step: p.message ?? '' }) : t('archive.queued')}
            </Text>
          </Stack>
        )}
        {archive.status === 'failed' && <Text size="sm" c="red">{archive.error}</Text>}
        {archive.status === 'built' && (
          <>
            <Text size="sm">
              {t('archive.summary', { files: formatNumber(archive.files), pages: formatNumber(archive.pdfPages), size: megabytes(archive.bytes) })}
              {archive.retainUntil ? ` · ${t('archive.retainUntil', { date: formatDate(archive.retainUntil) })}` : ''}
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              SHA-256: {archive.manifestSha256}
            </Text>
            {archive.signatures.map((s) => (
              <Text size="sm" key={s.id}>
                ✓ {t('archive.signatureLine', { signer: s.signer, issuer: s.issuer, date: s.signingTime ? formatDate(s.signingTime.slice(0, 10)) : '—', algorithm: s.algorithm })}
              </Text>
            ))}
            <Group gap="xs">
              <Button component={Link} to={`/s/${schoolId}/archive/${archive.id}`} size="xs">
                {t('archive.open')}
              </Button>
              <Button component="a" href={archiveZipUrl(schoolId, archive.id)} size="xs" variant="light">
                {t('archive.downloadZip')}
              </Button>
              <Button size="xs" variant="light" loading={verify.isPending} onClick={() => verify.mutate(archive.id)}>
                {t('archive.verify')}
              </Button>
              {canSign && (
                <Button size="xs" variant="light" onClick={() => setSigning(true)}>
                  {t('archive.signAction')}
                </Button>
              )}
              <Anchor href={archiveFileUrl(schoolId, archive.id, 'manifest.json')} size="xs">
                manifest.json
              </Anchor>
            </Group>
            {verify.data && <VerifyReportView report={verify.data} />}
          </>
        )}
      </Stack>
      <Modal opened={signing} onClose={() => setSigning(false)} title={t('archive.signTitle', { year: archive.yearName })} size="lg">
        <SignPanel schoolId={schoolId} archiveId={archive.id} onDone={() => setSigning(false)} />
      </Modal>
    </Paper>
  );
}
