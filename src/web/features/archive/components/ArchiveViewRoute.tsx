import { Alert, Anchor, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TArchivedSchool } from '../../../../shared/api/archive.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate } from '../../../lib/format.js';
import { useNumberParam } from '../../../lib/params.js';
import { archiveFileUrl, useArchivedJson } from '../api/get-archive-file.js';
import { ArchivedClassView } from './ArchivedClassView.js';

/** The folder of a class in an archive (as the build names it). */
const folderOf = (label: string) => {
  const [grade, letter] = label.split('-');
  return `classes/${grade.padStart(2, '0')}-${letter}`;
};

/** /s/:schoolId/archive/:archiveId: an archived year opened read-only, as it was archived. */
export function ArchiveViewRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const archiveId = useNumberParam('archiveId');
  const school = useArchivedJson<TArchivedSchool>(schoolId, archiveId, 'school.json');
  const [label, setLabel] = useState<string | null>(null);
  return (
    <QueryStatus query={school}>
      {(data) => {
        const current = label ?? data.classes[0]?.label ?? null;
        const klass = data.classes.find((k) => k.label === current);
        return (
          <>
            <PageHeader
              title={t('archive.viewTitle', { year: data.year.name })}
              description={`${data.school.name} · ${t('archive.closedOn', { date: data.year.closedAt ? formatDate(data.year.closedAt.slice(0, 10)) : '—' })}`}
              aside={
                <Anchor component={Link} to={`/s/${schoolId}/archive`} size="sm">
                  {t('archive.backToList')}
                </Anchor>
              }
            />
            <Stack gap="md">
              <Alert color="gray" variant="light">
                {t('archive.readOnlyNote')}
              </Alert>
              <Group align="flex-end">
                <Select
                  label={t('archive.class')}
                  data={data.classes.map((k) => k.label)}
                  value={current}
                  onChange={setLabel}
                  allowDeselect={false}
                  w={160}
                />
                {klass && (
                  <Group gap="md" pb={6}>
                    <Anchor href={archiveFileUrl(schoolId, archiveId, `${folderOf(klass.label)}/journal.pdf`)} target="_blank" size="sm">
                      {t('archive.journalPdf')}
                    </Anchor>
                    <Anchor href={archiveFileUrl(schoolId, archiveId, `${folderOf(klass.label)}/class-teacher.pdf`)} target="_blank" size="sm">
                      {t('archive.teacherPdf')}
                    </Anchor>
                    <Anchor href={archiveFileUrl(schoolId, archiveId, `${folderOf(klass.label)}/summary-sheet.pdf`)} target="_blank" size="sm">
                      {t('archive.sheetPdf')}
                    </Anchor>
                  </Group>
                )}
              </Group>
              {klass && <ArchivedClassView key={klass.label} schoolId={schoolId} archiveId={archiveId} folder={folderOf(klass.label)} />}
            </Stack>
          </>
        );
      }}
    </QueryStatus>
  );
}
