import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTrustedCa } from '../../../../shared/api/trust.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useNumberParam } from '../../../lib/params.js';
import { useAddTrustedCa } from '../api/add-trusted-ca.js';
import { useTrustedCas } from '../api/get-trusted-cas.js';
import { useRemoveTrustedCa } from '../api/remove-trusted-ca.js';

const commonName = (dn: string) => /(?:^|, )CN=([^,]*)/.exec(dn)?.[1] ?? dn;

function CaRow({ ca, onRemove, removing }: { ca: TTrustedCa; onRemove: () => void; removing: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {commonName(ca.subject)}
        </Text>
        <Text size="xs" c="dimmed">
          {ca.selfSigned ? t('trust.selfSigned') : t('trust.intermediate', { issuer: commonName(ca.issuer) })}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          SHA-256 {ca.fingerprint256.slice(0, 23)}…
        </Text>
      </Table.Td>
      <Table.Td>
        {formatDate(ca.notBefore.slice(0, 10))} – {formatDate(ca.notAfter.slice(0, 10))}
      </Table.Td>
      <Table.Td>
        {ca.source === 'folder' ? (
          <Badge variant="light" color="gray">
            {t('trust.sourceFolder')}
          </Badge>
        ) : (
          <Text size="sm">{t('trust.sourceCity', { by: ca.addedBy, date: formatDate((ca.addedAt ?? '').slice(0, 10)) })}</Text>
        )}
      </Table.Td>
      <Table.Td w={110}>
        {ca.id !== null && (
          <Button size="xs" variant="subtle" color="red" loading={removing} onClick={onRemove} aria-label={t('trust.removeLabel', { subject: commonName(ca.subject) })}>
            {t('trust.remove')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AddCertificates({ cityId }: { cityId: number }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const add = useAddTrustedCa(cityId);
  return (
    <Stack gap="sm" maw={640}>
      <Text size="sm" c="dimmed">
        {t('trust.addHint')}
      </Text>
      <Group align="flex-end">
        <FileInput label={t('trust.file')} accept=".pem,.crt,.cer,.der" value={file} onChange={setFile} clearable w={320} />
        <Button
          disabled={!file}
          loading={add.isPending}
          onClick={() =>
            file &&
            add.mutate(file, {
              onSuccess: () => {
                setFile(null);
                notifySuccess(t('trust.added'));
              },
            })
          }
        >
          {t('trust.add')}
        </Button>
      </Group>
      {add.error && (
        <Alert color="red" variant="light">
          {add.error.message}
        </Alert>
      )}
    </Stack>
  );
}

/** /city/:cityId/trust: the CA certificates against which archive signatures are checked. */
export function CityTrustRoute() {
  const { t } = useTranslation();
  const cityId = useNumberParam('cityId');
  const list = useTrustedCas(cityId);
  const remove = useRemoveTrustedCa(cityId);
  return (
    <>
      <PageHeader title={t('trust.title')} description={t('trust.description')} />
      <Stack gap={36}>
        <Section title={t('trust.listTitle')}>
          <QueryStatus query={list}>
            {(data) => (
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {data.folderConfigured ? t('trust.folderNote') : t('trust.noFolder')}
                </Text>
                {data.skipped.length > 0 && (
                  <Alert color="orange" variant="light">
                    {t('trust.skipped', { files: data.skipped.map((s) => `${s.file} (${s.reason})`).join('; ') })}
                  </Alert>
                )}
                {data.certificates.length === 0 ? (
                  <EmptyNote>{t('trust.empty')}</EmptyNote>
                ) : (
                  <Table.ScrollContainer minWidth={640} type="native">
                    <Table verticalSpacing={6} aria-label={t('trust.listTitle')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('trust.subject')}</Table.Th>
                          <Table.Th>{t('trust.validity')}</Table.Th>
                          <Table.Th>{t('trust.source')}</Table.Th>
                          <Table.Th />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.certificates.map((ca) => (
                          <CaRow
                            key={ca.fingerprint256 + ca.source}
                            ca={ca}
                            removing={remove.isPending && remove.variables === ca.id}
                            onRemove={() => ca.id !== null && remove.mutate(ca.id, { onSuccess: () => notifySuccess(t('trust.removed')) })}
                          />
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            )}
          </QueryStatus>
        </Section>
        <Section title={t('trust.addTitle')}>
          <AddCertificates cityId={cityId} />
        </Section>
      </Stack>
    </>
  );
}

/** The city specialist's way to the trusted CA list. */
export function CityTrustLink({ cityId }: { cityId: number }) {
  const { t } = useTranslation();
  return (
    <Button component={Link} to={`/city/${cityId}/trust`} variant="light">
      {t('trust.link')}
    </Button>
  );
}
