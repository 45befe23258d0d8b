import { Alert, Anchor, Button, Checkbox, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRetentionItem, TRetentionOverview } from '../../../../shared/api/retention.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useApproveAct } from '../api/approve-act.js';
import { useRetention } from '../api/get-retention.js';

const KINDS = ['summary-sheet', 'class-teacher', 'journal', 'remarks', 'history', 'school'] as const;
const keyOf = (f: { archiveId: number; path: string }) => `${f.archiveId}|${f.path}`;

function useKilobytes() {
  const { t } = useTranslation();
  return (bytes: number) => t('retention.kilobytes', { n: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
}

function useKindName() {
  const { t } = useTranslation();
  return (kind: string, path: string) => {
    const base = KINDS.find((k) => kind.startsWith(k));
    return `${base ? t(`retention.kinds.${base}`) : kind} (${(path.split('.').pop() ?? '').toUpperCase()})`;
  };
}

function ExpiredTable({ files, picked, onPick }: { files: TRetentionItem[]; picked?: Set<string>; onPick?: (keys: string[], on: boolean) => void }) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const kilobytes = useKilobytes();
  const all = picked !== undefined && files.every((f) => picked.has(keyOf(f)));
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing={4} aria-label={t('retention.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {picked && onPick && (
              <Table.Th w={36}>
                <Checkbox aria-label={t('retention.pickAll')} checked={all} indeterminate={!all && picked.size > 0} onChange={(e) => onPick(files.map(keyOf), e.currentTarget.checked)} />
              </Table.Th>
            )}
            <Table.Th>{t('retention.year')}</Table.Th>
            <Table.Th>{t('retention.class')}</Table.Th>
            <Table.Th>{t('retention.kind')}</Table.Th>
            <Table.Th>{t('retention.file')}</Table.Th>
            <Table.Th>{t('retention.years')}</Table.Th>
            <Table.Th>{t('retention.until')}</Table.Th>
            <Table.Th>{t('retention.size')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((f) => (
            <Table.Tr key={keyOf(f)}>
              {picked && onPick && (
                <Table.Td>
                  <Checkbox aria-label={t('retention.pick', { path: f.path })} checked={picked.has(keyOf(f))} onChange={(e) => onPick([keyOf(f)], e.currentTarget.checked)} />
                </Table.Td>
              )}
              <Table.Td>
                {f.yearName}, v{f.version}
              </Table.Td>
              <Table.Td>{f.classLabel ?? '—'}</Table.Td>
              <Table.Td>{kindName(f.kind, f.path)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {f.path}
                </Text>
              </Table.Td>
              <Table.Td>{f.retentionYears}</Table.Td>
              <Table.Td>{formatDate(f.retainUntil)}</Table.Td>
              <Table.Td>{kilobytes(f.bytes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ApproveForm({ schoolId, files }: { schoolId: number; files: TRetentionItem[] }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState(() => new Set(files.map(keyOf)));
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const approve = useApproveAct(schoolId);
  const chosen = files.filter((f) => picked.has(keyOf(f)));
  const onPick = (keys: string[], on: boolean) =>
    setPicked((p) => {
      const next = new Set(p);
      for (const k of keys) on ? next.add(k) : next.delete(k);
      return next;
    });
  const submit = () =>
    approve.mutate(
      { reason: reason.trim(), files: chosen.map((f) => ({ archiveId: f.archiveId, path: f.path })) },
      { onSuccess: (r) => notifySuccess(t('retention.approved', { number: r.act.number, deleted: r.deleted })) },
    );
  return (
    <Stack gap="sm">
      <ExpiredTable files={files} picked={picked} onPick={onPick} />
      <Textarea label={t('retention.reason')} description={t('retention.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} autosize minRows={2} maw={640} />
      <Checkbox label={t('retention.confirm', { count: chosen.length })} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} maw={640} />
      {approve.error && (
        <Alert color="red" variant="light" maw={640}>
          {approve.error.message}
        </Alert>
      )}
      <div>
        <Button color="red" disabled={!confirmed || !reason.trim() || chosen.length === 0} loading={approve.isPending} onClick={submit}>
          {t('retention.approve')}
        </Button>
      </div>
    </Stack>
  );
}

function Acts({ schoolId, data }: { schoolId: number; data: TRetentionOverview }) {
  const { t } = useTranslation();
  const kilobytes = useKilobytes();
  if (!data.acts.length) return <EmptyNote>{t('retention.noActs')}</EmptyNote>;
  return (
    <Stack gap="xs">
      {data.acts.map((a) => (
        <Paper key={a.id} withBorder radius="md" p="sm">
          <Text size="sm" fw={600}>
            {t('retention.actLine', { number: a.number, date: formatDate(a.approvedOn), by: a.approvedBy, files: a.files, size: kilobytes(a.bytes) })}
          </Text>
          <Text size="sm">{t('retention.actReason', { reason: a.reason })}</Text>
          {a.pdfSha256 && (
            <Text size="sm">
              <Anchor href={`/api/schools/${schoolId}/archive-retention/acts/${a.id}/pdf`} target="_blank">
                {t('retention.actPdf')}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                SHA-256 {a.pdfSha256.slice(0, 16)}…
              </Text>
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

/** The archive's retention: what has expired, the head's act of destruction, the acts so far. */
export function RetentionPanel({ schoolId, canApprove }: { schoolId: number; canApprove: boolean }) {
  const { t } = useTranslation();
  const retention = useRetention(schoolId);
  return (
    <QueryStatus query={retention}>
      {(data) => (
        <Stack gap="md">
          <Text size="sm">
            {t('retention.today', { date: formatDate(data.today) })}{' '}
            {data.nextExpiry ? t('retention.nextExpiry', { date: formatDate(data.nextExpiry), count: data.expiringSoon }) : data.expired.length === 0 ? t('retention.allKept') : ''}
          </Text>
          {data.expired.length === 0 ? (
            <EmptyNote>{t('retention.nothingExpired')}</EmptyNote>
          ) : (
            <>
              <Alert color="orange" variant="light">
                {t('retention.expiredCount', { count: data.expired.length })}
                {!canApprove && ` ${t('retention.headOnly')}`}
              </Alert>
              {canApprove ? (
                <ApproveForm key={data.expired.map(keyOf).join(',')} schoolId={schoolId} files={data.expired} />
              ) : (
                <ExpiredTable files={data.expired} />
              )}
            </>
          )}
          <Text fw={600}>{t('retention.actsTitle')}</Text>
          <Acts schoolId={schoolId} data={data} />
        </Stack>
      )}
    </QueryStatus>
  );
}
