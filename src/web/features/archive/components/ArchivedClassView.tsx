import { Anchor, Paper, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TArchivedAttachments, TArchivedClassTeacher, TArchivedJournal, TArchivedSummarySheet } from '../../../../shared/api/archive.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { compareUk, formatDate } from '../../../lib/format.js';
import { ApiError } from '../../../lib/api-error.js';
import { formatSize } from '../../attachments/format.js';
import { archiveFileUrl, useArchivedJson } from '../api/get-archive-file.js';
import { ArchivedPageView } from './ArchivedPageView.js';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function Journal({ data }: { data: TArchivedJournal }) {
  const { t } = useTranslation();
  const pages = [...data.pages].sort((a, b) => compareUk(a.subject, b.subject) || compareUk(a.group ?? '', b.group ?? ''));
  const [pageId, setPageId] = useState<number | null>(pages[0]?.id ?? null);
  const page = pages.find((p) => p.id === pageId);
  return (
    <Stack gap="sm">
      <Select
        label={t('archive.subject')}
        data={pages.map((p) => ({ value: String(p.id), label: `${p.subject}${p.group ? ` (${p.group})` : ''}` }))}
        value={pageId ? String(pageId) : null}
        onChange={(v) => setPageId(v ? Number(v) : null)}
        allowDeselect={false}
        maw={360}
        searchable
      />
      {page && <ArchivedPageView page={page} />}
    </Stack>
  );
}

function ClassTeacher({ data }: { data: TArchivedClassTeacher }) {
  const { t } = useTranslation();
  const pupils = [...data.pupils].sort((a, b) => compareUk(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`));
  const missed = (id: number, field: 'lessons' | 'days') => data.attendance.filter((a) => a.pupilId === id).reduce((n, a) => n + a[field], 0);
  return (
    <DataTable
      caption={t('archive.pupilsLabel')}
      minWidth={640}
      rows={pupils}
      rowKey={(p) => p.id}
      columns={[
        { key: 'pupil', header: t('archive.pupil'), cell: (p) => `${p.lastName} ${p.firstName} ${p.middleName}`.trim() },
        { key: 'birth', header: t('archive.birthDate'), cell: (p) => <span style={NOWRAP}>{p.birthDate ? formatDate(p.birthDate) : '—'}</span> },
        {
          key: 'stay',
          header: t('archive.stay'),
          cell: (p) => <span style={NOWRAP}>{p.enrollments.map((e) => `${formatDate(e.fromDate)} – ${e.toDate ? formatDate(e.toDate) : '…'}`).join('; ')}</span>,
        },
        { key: 'lessons', header: t('archive.missedLessons'), numeric: true, cell: (p) => missed(p.id, 'lessons') },
        { key: 'days', header: t('archive.missedDays'), numeric: true, cell: (p) => missed(p.id, 'days') },
      ]}
    />
  );
}

function SummarySheet({ data }: { data: TArchivedSummarySheet }) {
  const { t } = useTranslation();
  const marks = new Map(data.marks.filter((m) => m[2] === 'annual').map(([page, pupil, , , mark]) => [`${page}:${pupil}`, mark]));
  return (
    <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
      <Table fz="xs" withColumnBorders aria-label={t('archive.summaryLabel')} style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('archive.pupil')}</Table.Th>
            {data.subjects.map((s) => (
              <Table.Th key={s.pageId} ta="center">
                {s.subject}
                {s.group ? ` (${s.group})` : ''}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.pupils.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              {data.subjects.map((s) => (
                <Table.Td key={s.pageId} ta="center">
                  {marks.get(`${s.pageId}:${p.id}`) ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" p="xs">
        {t('archive.summaryNote')}
      </Text>
    </Paper>
  );
}

function Attachments({ schoolId, archiveId, folder, data }: { schoolId: number; archiveId: number; folder: string; data: TArchivedAttachments }) {
  const { t } = useTranslation();
  const units = t('attachments.units', { returnObjects: true });
  return (
    <DataTable
      caption={t('archive.filesLabel')}
      minWidth={560}
      rows={data.attachments}
      rowKey={(a) => a.id}
      columns={[
        { key: 'date', header: t('archive.date'), cell: (a) => <span style={NOWRAP}>{formatDate(a.date)}</span> },
        { key: 'subject', header: t('archive.subject'), cell: (a) => `${a.subject}${a.group ? ` (${a.group})` : ''}` },
        {
          key: 'file',
          header: t('archive.fileName'),
          cell: (a) => (
            <Anchor href={archiveFileUrl(schoolId, archiveId, `${folder}/${a.file}`)} download={a.name}>
              {a.name}
            </Anchor>
          ),
        },
        { key: 'size', header: t('archive.fileSize'), numeric: true, cell: (a) => <span style={NOWRAP}>{formatSize(a.size, units)}</span> },
      ]}
    />
  );
}

/** One class of an archive: its journal, class teacher pages, summary sheet and lesson files, read from the archived JSON. */
export function ArchivedClassView({ schoolId, archiveId, folder }: { schoolId: number; archiveId: number; folder: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('journal');
  const journal = useArchivedJson<TArchivedJournal>(schoolId, archiveId, tab === 'journal' ? `${folder}/journal.json` : null);
  const teacher = useArchivedJson<TArchivedClassTeacher>(schoolId, archiveId, tab === 'teacher' ? `${folder}/class-teacher.json` : null);
  const sheet = useArchivedJson<TArchivedSummarySheet>(schoolId, archiveId, tab === 'sheet' ? `${folder}/summary-sheet.json` : null);
  // a class whose lessons had no files has no attachments.json
  const files = useArchivedJson<TArchivedAttachments>(schoolId, archiveId, tab === 'files' ? `${folder}/attachments.json` : null, {
    quietNotFound: true,
  });
  const noFiles = files.error instanceof ApiError && files.error.status === 404;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="journal">{t('archive.tabJournal')}</Tabs.Tab>
        <Tabs.Tab value="teacher">{t('archive.tabTeacher')}</Tabs.Tab>
        <Tabs.Tab value="sheet">{t('archive.tabSheet')}</Tabs.Tab>
        <Tabs.Tab value="files">{t('archive.tabFiles')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="journal">
        <QueryStatus query={journal}>{(d) => <Journal key={folder} data={d} />}</QueryStatus>
      </Tabs.Panel>
      <Tabs.Panel value="teacher">
        <QueryStatus query={teacher}>{(d) => <ClassTeacher data={d} />}</QueryStatus>
      </Tabs.Panel>
      <Tabs.Panel value="sheet">
        <QueryStatus query={sheet}>{(d) => <SummarySheet data={d} />}</QueryStatus>
      </Tabs.Panel>
      <Tabs.Panel value="files">
        {noFiles ? (
          <Text c="dimmed">{t('archive.noFiles')}</Text>
        ) : (
          <QueryStatus query={files}>{(d) => <Attachments schoolId={schoolId} archiveId={archiveId} folder={folder} data={d} />}</QueryStatus>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}
