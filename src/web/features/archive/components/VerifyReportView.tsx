import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TVerifyReport } from '../../../../shared/api/archive.js';

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
          <Text size="sm" key={s.file}>
            {s.ok ? '✓' : '✗'} {s.file}: {s.signer ?? '—'}
          </Text>
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
