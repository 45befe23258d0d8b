import { Alert, Button, FileInput, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { fileToBase64, useRecordConsent } from '../api/record-consent.js';
import { errorsOf } from './form-errors.js';

const MAX_SCAN = 4 * 1024 * 1024;

export interface ConsentTarget {
  pupilId: number;
  pupilName: string;
  guardianId: number;
  guardianName: string;
  action: 'given' | 'withdrawn';
}

/** Records a signed paper consent with its scan, or a withdrawal (a scan of the statement is optional). */
export function RecordConsentModal({ schoolId, target, onClose }: { schoolId: number; target: ConsentTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordConsent(schoolId);
  const [signedOn, setSignedOn] = useState(todayIso());
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const given = target.action === 'given';
  const errors = errorsOf(record.error);
  const submit = async () => {
    setLocal(null);
    if (given && !file) return setLocal(t('consent.record.scanRequired'));
    if (file && file.size > MAX_SCAN) return setLocal(t('consent.record.scanTooBig'));
    const scan = file ? { fileName: file.name, contentBase64: await fileToBase64(file) } : undefined;
    record.mutate(
      { pupilId: target.pupilId, body: { guardianId: target.guardianId, action: target.action, signedOn, scan, note } },
      {
        onSuccess: (r) => {
          notifySuccess(r.valid ? t('consent.record.savedValid') : t('consent.record.savedInvalid'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} centered size="lg" title={t(given ? 'consent.record.giveTitle' : 'consent.record.withdrawTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('consent.record.who', { guardian: target.guardianName, pupil: target.pupilName })}</Text>
          {(local ?? errors.form) && (
            <Alert color="red" variant="light" role="alert">
              {local ?? errors.form}
            </Alert>
          )}
          <TextInput
            type="date"
            label={t(given ? 'consent.record.signedOn' : 'consent.record.withdrawnOn')}
            value={signedOn}
            max={todayIso()}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            error={errors.fields.signedOn}
            required
          />
          <FileInput
            label={t(given ? 'consent.record.scan' : 'consent.record.statementScan')}
            description={t('consent.record.scanHint')}
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            clearable
            required={given}
          />
          <Textarea label={t('consent.record.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
          {!given && <Text size="sm" c="dimmed">{t('consent.record.withdrawNote')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('consent.cancel')}
            </Button>
            <Button type="submit" color={given ? undefined : 'red'} loading={record.isPending}>
              {t(given ? 'consent.record.saveGiven' : 'consent.record.saveWithdrawn')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
