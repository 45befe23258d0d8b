import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { useNumberParam } from '../../../lib/params.js';
import { useBuildArchive } from '../api/build-archive.js';
import { useArchives } from '../api/get-archives.js';
import { useVerifyUpload } from '../api/verify-upload.js';
import { RetentionPanel } from '../../retention/components/RetentionPanel.js';
import { ArchiveCard } from './ArchiveCard.js';
import { VerifyReportView } from './VerifyReportView.js';

function VerifyUpload({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const verify = useVerifyUpload(schoolId);
  return (
    <Stack gap="sm" maw={640}>
      <Text size="sm" c="dimmed">
        {t('archive.verifyUploadHint')}
      </Text>
      <Group align="flex-end">
        <FileInput label={t('archive.zipFile')} accept=".zip" value={file} onChange={setFile} clearable w={320} />
        <Button disabled={!file} loading={verify.isPending} onClick={() => file && verify.mutate(file)}>
          {t('archive.verify')}
        </Button>
      </Group>
      {verify.data && <VerifyReportView report={verify.data} />}
    </Stack>
  );
}

/** /s/:schoolId/archive: archives by year, built in the background, signed, verified, opened. */
export function ArchiveRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const archives = useArchives(schoolId);
  const build = useBuildArchive(schoolId);
  const canBuild = roles.includes('head') || roles.includes('admin');
  return (
    <>
      <PageHeader title={t('archive.title')} description={t('archive.description')} />
      <Stack gap={36}>
        <QueryStatus query={archives}>
          {(data) => (
            <Stack gap={36}>
              {data.years.map((y) => {
                const mine = data.archives.filter((a) => a.yearId === y.id);
                const busy = mine.some((a) => a.status === 'building');
                return (
                  <Section
                    key={y.id}
                    title={t('archive.yearTitle', { name: y.name })}
                    aside={
                      canBuild &&
                      y.status === 'closed' && (
                        <Button size="xs" loading={build.isPending && build.variables === y.id} disabled={busy} onClick={() => build.mutate(y.id)}>
                          {mine.length === 0 ? t('archive.build') : mine[0].status === 'failed' ? t('archive.resume') : t('archive.rebuild')}
                        </Button>
                      )
                    }
                  >
                    {mine.length === 0 ? (
                      <EmptyNote>{y.status === 'closed' ? t('archive.noneYet') : t('archive.yearOpen')}</EmptyNote>
                    ) : (
                      mine.map((a) => <ArchiveCard key={a.id} schoolId={schoolId} archive={a} canSign={roles.includes('head')} />)
                    )}
                  </Section>
                );
              })}
            </Stack>
          )}
        </QueryStatus>
        <Section title={t('retention.title')}>
          <RetentionPanel schoolId={schoolId} canApprove={roles.includes('head')} />
        </Section>
        <Section title={t('archive.verifyUploadTitle')}>
          <VerifyUpload schoolId={schoolId} />
        </Section>
      </Stack>
    </>
  );
}
