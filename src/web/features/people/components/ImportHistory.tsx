import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { type TImportListItem, useImports } from '../api/get-imports.js';

/** The school's recent imports: file, kind, rows, status, who and when. */
export function ImportHistory({ schoolId }: { schoolId: number }) {
  const { t, i18n } = useTranslation();
  const imports = useImports(schoolId);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'uk-UA', { dateStyle: 'short', timeStyle: 'short' });
  const columns: Column<TImportListItem>[] = [
    { key: 'when', header: t('admin.import.when'), cell: (i) => when(i.committedAt ?? i.createdAt) },
    { key: 'file', header: t('admin.import.file'), cell: (i) => i.fileName },
    { key: 'kind', header: t('admin.import.kind'), cell: (i) => t(`admin.import.kinds.${i.kind}`) },
    { key: 'rows', header: t('admin.import.total'), numeric: true, cell: (i) => i.rows },
    {
      key: 'status',
      header: '',
      cell: (i) => (
        <Badge variant="light" color={i.status === 'committed' ? 'teal' : 'gray'}>
          {t(`admin.import.statuses.${i.status}`)}
        </Badge>
      ),
    },
    { key: 'by', header: t('admin.import.by'), cell: (i) => i.by },
  ];
  return (
    <Section title={t('admin.import.recent')}>
      <QueryStatus query={imports}>
        {(list) =>
          list.length ? (
            <DataTable rows={list} columns={columns} rowKey={(i) => i.id} caption={t('admin.import.recent')} />
          ) : (
            <Text c="dimmed">{t('admin.import.noRecent')}</Text>
          )
        }
      </QueryStatus>
    </Section>
  );
}
