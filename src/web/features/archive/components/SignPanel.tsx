import { Alert, Anchor, Button, FileInput, Group, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify.js';
import { archiveFileUrl } from '../api/get-archive-file.js';
import { useSignArchive } from '../api/sign-archive.js';
import { useUploadSignature } from '../api/upload-signature.js';

/** The head signs the manifest: with a PKCS#12 key here, or with any qualified tool and an uploaded .p7s. */
export function SignPanel({ schoolId, archiveId, onDone }: { schoolId: number; archiveId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const [way, setWay] = useState<'key' | 'file'>('key');
  const [p12, setP12] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [p7s, setP7s] = useState<File | null>(null);
  const sign = useSignArchive(schoolId);
  const upload = useUploadSignature(schoolId);
  const error = way === 'key' ? sign.error : upload.error;
  const done = (s: { signer: string }) => {
    setPassword('');
    notifySuccess(t('archive.signed', { signer: s.signer }));
    onDone();
  };
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={way}
        onChange={(v) => setWay(v as 'key' | 'file')}
        data={[
          { value: 'key', label: t('archive.signWithKey') },
          { value: 'file', label: t('archive.signElsewhere') },
        ]}
      />
      {way === 'key' ? (
        <>
          <Text size="sm" c="dimmed">
            {t('archive.signWithKeyHint')}
          </Text>
          <FileInput label={t('archive.p12File')} accept=".p12,.pfx" value={p12} onChange={setP12} clearable />
          <PasswordInput label={t('archive.p12Password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="off" />
          <Group>
            <Button disabled={!p12} loading={sign.isPending} onClick={() => p12 && sign.mutate({ archiveId, p12, password }, { onSuccess: done })}>
              {t('archive.sign')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('archive.signElsewhereHint')}{' '}
            <Anchor href={archiveFileUrl(schoolId, archiveId, 'manifest.json')} download="manifest.json">
              {t('archive.downloadManifest')}
            </Anchor>
          </Text>
          <FileInput label={t('archive.p7sFile')} accept=".p7s,.p7m,.pem" value={p7s} onChange={setP7s} clearable />
          <Group>
            <Button disabled={!p7s} loading={upload.isPending} onClick={() => p7s && upload.mutate({ archiveId, p7s }, { onSuccess: done })}>
              {t('archive.uploadSignature')}
            </Button>
          </Group>
        </>
      )}
      {error && (
        <Alert color="red" variant="light">
          {error.message}
        </Alert>
      )}
    </Stack>
  );
}
