import { useTranslation } from 'react-i18next';
import { LinkCards } from '../../../components/ui/LinkCards.js';

/** The head's (and the controller's, the administrator's) way to the end of the year and the archive. */
export function YearEndHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const links = [
    { to: 'yearend', title: t('yearend.link'), hint: t('yearend.linkHint') },
    { to: 'archive', title: t('archive.link'), hint: t('archive.linkHint') },
  ];
  return <LinkCards schoolId={schoolId} title={t('yearend.homeTitle')} links={links} />;
}
