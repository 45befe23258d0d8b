import { Alert, Button, FileInput, Group, Paper, Progress, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportKind, TImportPreview, TImportResult } from '../../../../shared/api/admin.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { useNumberParam } from '../../../lib/params.js';
import { ImportRefused, type TImportProgress, useCommitImport } from '../api/commit-import.js';
import { useUploadImport } from '../api/upload-import.js';
import { FormAlert, useFormErrors } from './admin-form.js';
import { CredentialsModal, type TShownCredential } from './CredentialsModal.js';
import { ImportHistory } from './ImportHistory.js';
import { ImportPreview, ProblemsTable } from './ImportPreview.js';

/** /s/:schoolId/admin/import: upload, preview with every row's problems, confirm, progress, result. */
export function ImportRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const [kind, setKind] = useState<TImportKind>('pupils');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [fromDate, setFromDate] = useState('');
  const [progress, setProgress] = useState<TImportProgress | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [shown, setShown] = useState<TShownCredential[] | null>(null);
  const [refused, setRefused] = useState<ImportRefused | null>(null);
  const errors = useFormErrors();
  const upload = useUploadImport(schoolId);
  const commit = useCommitImport(schoolId, setProgress);

  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setProgress(null);
    setRefused(null);
    errors.clear();
  };
  const check = () => {
    if (!file) return;
    errors.clear();
    setPreview(null);
    setResult(null);
    setRefused(null);
    upload.mutate({ kind, file }, { onSuccess: setPreview, onError: errors.show });
  };
  const write = () => {
    if (!preview) return;
    setProgress(null);
    setRefused(null);
    errors.clear();
    commit.mutate(
      { importId: preview.importId, fromDate: fromDate || undefined },
      {
        onSuccess: (r) => {
          setResult(r);
          if (r.credentials.length) setShown(r.credentials);
        },
        onError: (e) => (e instanceof ImportRefused && e.problems.length ? setRefused(e) : errors.show(e)),
      },
    );
  };
  const stage = progress ? t(`admin.import.stages.${progress.stage}` as 'admin.import.stages.pupils', { defaultValue: progress.stage }) : '';

  return (
    <>
      <PageHeader title={t('admin.import.title')} />
      <Stack gap="xl">
        <Paper withBorder p="md" radius="md">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              check();
            }}
          >
            <Stack gap="md">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('admin.import.kind')}
                </Text>
                <SegmentedControl
                  value={kind}
                  onChange={(v) => {
                    setKind(v as TImportKind);
                    restart();
                  }}
                  data={[
                    { value: 'pupils', label: t('admin.import.kinds.pupils') },
                    { value: 'staff', label: t('admin.import.kinds.staff') },
                  ]}
                  w="fit-content"
                />
              </Stack>
              <FileInput
                label={t('admin.import.file')}
                description={t('admin.import.fileHint')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setPreview(null);
                  setResult(null);
                  setRefused(null);
                }}
                clearable
                maw={560}
              />
              <FormAlert message={errors.form} />
              <Group>
                <Button type="submit" disabled={!file} loading={upload.isPending}>
                  {t('admin.import.check')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>

        {preview && !result && (
          <Stack gap="lg">
            <Text fw={600} fz="lg">
              {t('admin.import.preview', { name: preview.fileName })}
            </Text>
            <ImportPreview preview={preview} />
            {preview.errorRows === 0 && (
              <Paper withBorder p="md" radius="md">
                <Stack gap="md">
                  {preview.kind === 'pupils' && (
                    <TextInput
                      type="date"
                      label={t('admin.import.fromDate')}
                      description={t('admin.import.fromDateHint')}
                      value={fromDate}
                      onChange={(e) => setFromDate(e.currentTarget.value)}
                      error={errors.fields.fromDate}
                      maw={260}
                    />
                  )}
                  {commit.isPending && (
                    <Stack gap={4} aria-live="polite">
                      <Text size="sm">
                        {t('admin.import.writing')} {stage} {progress ? `${progress.done} / ${progress.total}` : ''}
                      </Text>
                      <Progress value={progress?.total ? (100 * progress.done) / progress.total : 5} animated />
                    </Stack>
                  )}
                  {refused && (
                    <Stack gap="sm">
                      <Alert color="red" variant="light" role="alert">
                        {refused.message}
                      </Alert>
                      <ProblemsTable problems={refused.problems} />
                    </Stack>
                  )}
                  <Group>
                    <Button onClick={write} loading={commit.isPending} color="teal">
                      {t('admin.import.commit')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            )}
          </Stack>
        )}

        {result && (
          <Alert color="teal" variant="light" title={t('admin.import.done')}>
            <Stack gap="sm">
              <Text size="sm">
                {result.alreadyImported
                  ? t('admin.import.alreadyDone')
                  : preview?.kind === 'staff'
                    ? t('admin.import.resultStaff', { staff: result.staffCreated, existing: result.staffExisting })
                    : t('admin.import.result', {
                        pupils: result.pupilsCreated,
                        existing: result.pupilsExisting,
                        enrollments: result.enrollmentsCreated,
                        guardians: result.guardiansCreated,
                      })}
              </Text>
              <Group>
                <Button variant="default" onClick={restart}>
                  {t('admin.import.another')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <ImportHistory schoolId={schoolId} />
      </Stack>
      <CredentialsModal credentials={shown} onClose={() => setShown(null)} />
    </>
  );
}
