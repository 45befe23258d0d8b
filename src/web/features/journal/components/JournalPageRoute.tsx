import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader.js';

/** The screen of one journal page: for now only its title, passed by the link that opened it. */
export function JournalPageRoute() {
  const { t } = useTranslation();
  const title = (useLocation().state as { title?: string } | null)?.title;
  return <PageHeader title={title ?? t('journal.page')} description={title ? t('journal.page') : undefined} />;
}
