import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../../components/ui/QueryStatus.js';
import { useSignedInMe } from '../../../../lib/auth.js';
import { membershipIn } from '../../../../lib/contexts.js';
import { useAttendance, useSummarySheet } from '../../api/classbook.js';
import { AttendanceSummary } from './AttendanceSummary.js';
import { SummarySheet } from './SummarySheet.js';
import './print.css';

/** The class page's tabs: pupils for everyone who may see the class; attendance and the summary sheet for its class teacher and the school's leaders. */
export function ClassbookTabs({ schoolId, classId, pupils }: { schoolId: number; classId: number; pupils: ReactNode }) {
  const { t } = useTranslation();
  const m = membershipIn(useSignedInMe(), schoolId);
  const leads = !!m && (m.classIds.includes(classId) || m.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin'));
  if (!leads) return <>{pupils}</>;
  return (
    <Tabs defaultValue="pupils" keepMounted={false} className="print-view classbook-print">
      <Tabs.List>
        <Tabs.Tab value="pupils">{t('classbook.tabs.pupils')}</Tabs.Tab>
        <Tabs.Tab value="attendance">{t('classbook.tabs.attendance')}</Tabs.Tab>
        <Tabs.Tab value="sheet">{t('classbook.tabs.sheet')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="pupils" pt="sm">
        {pupils}
      </Tabs.Panel>
      <Tabs.Panel value="attendance" pt="sm">
        <Attendance schoolId={schoolId} classId={classId} />
      </Tabs.Panel>
      <Tabs.Panel value="sheet" pt="sm">
        <Sheet schoolId={schoolId} classId={classId} />
      </Tabs.Panel>
    </Tabs>
  );
}

function Attendance({ schoolId, classId }: { schoolId: number; classId: number }) {
  const query = useAttendance(schoolId, classId);
  return <QueryStatus query={query}>{(data) => <AttendanceSummary schoolId={schoolId} classId={classId} data={data} />}</QueryStatus>;
}

function Sheet({ schoolId, classId }: { schoolId: number; classId: number }) {
  const query = useSummarySheet(schoolId, classId);
  return <QueryStatus query={query}>{(data) => <SummarySheet data={data} />}</QueryStatus>;
}
