import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader.js';

/** A pupil's diary: for now only its title with the child's name, passed by the link that opened it. */
export function DiaryRoute() {
  const { t } = useTranslation();
  const name = (useLocation().state as { name?: string } | null)?.name;
  return <PageHeader title={t('diary.title')} description={name} />;
}
