import { useTranslation } from 'react-i18next';
import { LinkCards } from '../../../components/ui/LinkCards.js';

/** The administrator's home: staff, classes and pupils, import from a file. */
export function AdminHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const links = [
    { to: 'admin/staff', title: t('admin.staffLink'), hint: t('admin.staffHint') },
    { to: 'admin/classes', title: t('admin.classesLink'), hint: t('admin.classesHint') },
    { to: 'admin/import', title: t('admin.importLink'), hint: t('admin.importHint') },
  ];
  return <LinkCards schoolId={schoolId} title={t('admin.home')} links={links} />;
}
