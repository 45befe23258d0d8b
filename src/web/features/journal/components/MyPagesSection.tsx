import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { usePages } from '../api/get-pages.js';
import { PagesTable } from './PagesTable.js';

/** "Мої журнали": the teacher's own pages, each opening the page. */
export function MyPagesSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const pages = usePages(schoolId, { mine: true });
  return (
    <Section title={t('journal.mine')}>
      <QueryStatus query={pages}>
        {(data) =>
          data.length ? <PagesTable schoolId={schoolId} pages={data} caption={t('journal.mine')} /> : <EmptyNote>{t('journal.mineEmpty')}</EmptyNote>
        }
      </QueryStatus>
    </Section>
  );
}
