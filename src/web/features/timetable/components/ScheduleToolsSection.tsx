import { useTranslation } from 'react-i18next';
import { LinkCards } from '../../../components/ui/LinkCards.js';

/** "Навчальний процес": the administrator's and head's way to the curriculum, timetable and calendar. */
export function ScheduleToolsSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const links = [
    { to: 'admin/curriculum', title: t('timetable.tools.curriculum'), hint: t('timetable.tools.curriculumText') },
    { to: 'admin/timetable', title: t('timetable.tools.timetable'), hint: t('timetable.tools.timetableText') },
    { to: 'admin/calendar', title: t('timetable.tools.calendar'), hint: t('timetable.tools.calendarText') },
  ];
  return <LinkCards schoolId={schoolId} title={t('timetable.tools.title')} links={links} />;
}
