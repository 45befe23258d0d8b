import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { Section } from '../../components/ui/Section.js';
import { YearEndHomeSection } from '../../features/archive/components/YearEndHomeSection.js';
import { ConsentHomeSection } from '../../features/consent/components/ConsentHomeSection.js';
import { ConsentPrompt } from '../../features/consent/components/ConsentPrompt.js';
import { ControlHomeSection } from '../../features/control/components/ControlHomeSection.js';
import { MyRemarksSection } from '../../features/control/components/MyRemarksSection.js';
import { DeliveryHomeSection } from '../../features/delivery/components/DeliveryHomeSection.js';
import { ChildrenCards } from '../../features/diary/components/ChildrenCards.js';
import { OwnDiaryCard } from '../../features/diary/components/OwnDiaryCard.js';
import { MyPagesSection } from '../../features/journal/components/MyPagesSection.js';
import { InboxSection } from '../../features/notices/components/InboxSection.js';
import { SchoolPagesSection } from '../../features/journal/components/SchoolPagesSection.js';
import { ClassesSection } from '../../features/people/components/ClassesSection.js';
import { MyClassSection } from '../../features/people/components/MyClassSection.js';
import { AdminHomeSection } from '../../features/people/components/AdminHomeSection.js';
import { useSchool } from '../../features/schools/api/get-school.js';
import { OverviewSection } from '../../features/schools/components/OverviewSection.js';
import { SchoolYearLine } from '../../features/schools/components/SchoolYearLine.js';
import { MyTimetableSection } from '../../features/timetable/components/MyTimetableSection.js';
import { ReadinessHomeSection, SurveyCard } from '../../features/readiness/components/SurveyCard.js';
import { ScheduleToolsSection } from '../../features/timetable/components/ScheduleToolsSection.js';
import { useSignedInMe } from '../../lib/auth.js';
import { membershipIn } from '../../lib/contexts.js';
import { useNumberParam } from '../../lib/params.js';

/** One home for all the person's roles in the school: a section per role, daily work first. */
export function SchoolHomeRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const membership = membershipIn(useSignedInMe(), schoolId);
  const school = useSchool(schoolId);
  if (!membership) return null;
  const has = (role: string) => membership.roles.includes(role);

  return (
    <>
      <PageHeader title={membership.schoolName} description={school.data && <SchoolYearLine school={school.data} />} />
      <Stack gap={36}>
      {(has('head') || has('admin')) && <OverviewSection schoolId={schoolId} />}
      {(has('admin') || has('head')) && <AdminHomeSection schoolId={schoolId} />}
      {(has('head') || has('admin')) && <ScheduleToolsSection schoolId={schoolId} />}
      {(has('head') || has('controller')) && <ControlHomeSection schoolId={schoolId} />}
      {(has('head') || has('controller')) && <DeliveryHomeSection schoolId={schoolId} />}
      {(has('head') || has('controller') || has('admin')) && <YearEndHomeSection schoolId={schoolId} />}
      {has('teacher') && <MyRemarksSection schoolId={schoolId} />}
      {has('teacher') && <MyPagesSection schoolId={schoolId} />}
      {has('teacher') && <MyTimetableSection schoolId={schoolId} />}
      {has('teacher') && <SurveyCard schoolId={schoolId} />}
      {(has('head') || has('controller') || has('admin')) && <ReadinessHomeSection schoolId={schoolId} />}
      {has('class_teacher') && membership.classIds.length > 0 && <MyClassSection schoolId={schoolId} classIds={membership.classIds} />}
      {(has('head') || has('admin') || has('class_teacher')) && <ConsentHomeSection schoolId={schoolId} />}
      {has('controller') && <SchoolPagesSection schoolId={schoolId} />}
      {has('admin') && <ClassesSection schoolId={schoolId} />}
      {has('parent') && <ConsentPrompt schoolId={schoolId} />}
      {has('parent') && membership.children.length > 0 && (
        <Section title={t('diary.children')}>
          <ChildrenCards schoolId={schoolId} pupils={membership.children} />
        </Section>
      )}
      {has('pupil') && membership.pupilId && (
        <Section title={t('diary.mine')}>
          <OwnDiaryCard schoolId={schoolId} pupilId={membership.pupilId} />
        </Section>
      )}
      {(has('parent') || has('pupil')) && <InboxSection schoolId={schoolId} parent={has('parent')} />}
      </Stack>
    </>
  );
}
