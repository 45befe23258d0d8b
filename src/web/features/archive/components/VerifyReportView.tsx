import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TVerifyReport } from '../../../../shared/api/archive.js';
import { formatDate } from '../../../lib/format.js';

/** A verification's outcome: what was checked, who signed, and each failing file with the reason. */
export function VerifyReportView({ report }: { report: TVerifyReport }) {
  const { t } = useTranslation();
  return (
    <Alert color={report.ok ? 'teal' : 'red'} variant="light" title={report.ok ? t('archive.verifyOk') : t('archive.verifyFailed', { count: report.problems.length })}>
      <Stack gap={4}>
        <Text size="sm">{t('archive.verifyChecked', { files: report.filesChecked, entries: report.historyEntries })}</Text>
        {report.filesDestroyed > 0 && <Text size="sm">{t('retention.verifyDestroyed', { count: report.filesDestroyed })}</Text>}
        {report.signatures.length === 0 && <Text size="sm">{t('archive.notSigned')}</Text>}
        {report.signatures.map((s) => (
          <Stack gap={2} key={s.file}>
            <Group gap="xs">
              <Text size="sm">
                {s.ok ? '✓' : '✗'} {s.file}: {s.signer ?? '—'}
              </Text>
              <Badge size="sm" variant="light" color={s.trust === 'trusted' ? 'teal' : s.trust === 'unknown_ca' ? 'orange' : 'gray'}>
                {s.trust === 'trusted' ? t('trust.trusted') : s.trust === 'unknown_ca' ? t('trust.unknownCa') : t('trust.noList')}
              </Badge>
            </Group>
            {s.certificate && (
              <Text size="xs" c="dimmed">
                {t('trust.certificateDates', { from: formatDate(s.certificate.validFrom.slice(0, 10)), to: formatDate(s.certificate.validTo.slice(0, 10)) })},{' '}
                {s.certificate.validAtSigning ? t('trust.validAtSigning') : t('trust.notValidAtSigning')}
              </Text>
            )}
            <Text size="xs">{s.trustNote}</Text>
          </Stack>
        ))}
        {report.problems.length > 0 && (
          <List size="sm" spacing={2}>
            {report.problems.map((p) => (
              <List.Item key={`${p.file}-${p.code}`}>
                <Text span fw={600} size="sm">
                  {p.file}
                </Text>
                : {p.message}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
