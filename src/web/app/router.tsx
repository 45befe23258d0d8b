import { createBrowserRouter, RouterProvider } from 'react-router';
import { PasswordGate } from '../features/accounts/components/PasswordGate.js';
import { NoticeAdminRoute } from '../features/privacy-notice/components/NoticeAdminRoute.js';
import { LoginPage } from '../features/auth/components/LoginPage.js';
import { CalendarRoute } from '../features/calendar/components/CalendarRoute.js';
import { CityCalendarRoute } from '../features/calendar/components/CityCalendarRoute.js';
import { CityTrustRoute } from '../features/trust/components/CityTrustRoute.js';
import { ClassConsentRoute } from '../features/consent/components/ClassConsentRoute.js';
import { ConsentDashboardRoute } from '../features/consent/components/ConsentDashboardRoute.js';
import { InviteRoute } from '../features/consent/components/InviteRoute.js';
import { MyConsentRoute } from '../features/consent/components/MyConsentRoute.js';
import { ArchiveRoute } from '../features/archive/components/ArchiveRoute.js';
import { ArchiveViewRoute } from '../features/archive/components/ArchiveViewRoute.js';
import { YearEndRoute } from '../features/archive/components/YearEndRoute.js';
import { AnalysisRoute } from '../features/control/components/AnalysisRoute.js';
import { RemarksRoute } from '../features/control/components/RemarksRoute.js';
import { ReportRoute } from '../features/control/components/ReportRoute.js';
import { ReportsRoute } from '../features/control/components/ReportsRoute.js';
import { CurriculumRoute } from '../features/curriculum/components/CurriculumRoute.js';
import { DeliveryRoute } from '../features/delivery/components/DeliveryRoute.js';
import { ShortfallsRoute } from '../features/delivery/components/ShortfallsRoute.js';
import { DiaryRoute } from '../features/diary/components/DiaryRoute.js';
import { JournalPageRoute } from '../features/journal/components/JournalPageRoute.js';
import { AnnouncementsRoute } from '../features/notices/components/AnnouncementsRoute.js';
import { NotificationSettingsRoute } from '../features/notices/components/NotificationSettingsRoute.js';
import { ClassAdminRoute } from '../features/people/components/ClassAdminRoute.js';
import { ClassesAdminRoute } from '../features/people/components/ClassesAdminRoute.js';
import { ImportRoute } from '../features/people/components/ImportRoute.js';
import { PlanRoute } from '../features/planning/components/PlanRoute.js';
import { StaffAdminRoute } from '../features/people/components/StaffAdminRoute.js';
import { TimetableRoute } from '../features/timetable/components/TimetableRoute.js';
import { RequireAuth } from '../lib/auth.js';
import { AppLayout } from './layout/AppLayout.js';
import { ChooserRoute } from './routes/chooser.js';
import { CityHomeRoute, CityScope } from './routes/city.js';
import { CityMonitoringRoute } from '../features/monitoring/components/CityMonitoringRoute.js';
import { ReadinessRoute } from '../features/readiness/components/ReadinessRoute.js';
import { ClassRoute } from './routes/class.js';
import { ClassesRoute } from './routes/classes.js';
import { CrashedRoute } from './routes/crashed.js';
import { NotFoundRoute } from './routes/not-found.js';
import { PupilRoute } from './routes/pupil.js';
import { SchoolHomeRoute } from './routes/school-home.js';
import { SchoolPagesRoute } from './routes/school-pages.js';
import { SchoolScope } from './routes/school-scope.js';

/** The screens inside a school or city: the context is in the address, so links can be shared. */
const screens = [
  { index: true, element: <ChooserRoute /> },
  { path: 'consent', element: <MyConsentRoute /> },
  {
    path: 's/:schoolId',
    element: <SchoolScope />,
    children: [
      { index: true, element: <SchoolHomeRoute /> },
      { path: 'journal', element: <SchoolPagesRoute /> },
      { path: 'journal/:pageId', element: <JournalPageRoute /> },
      { path: 'journal/:pageId/plan', element: <PlanRoute /> },
      { path: 'classes', element: <ClassesRoute /> },
      { path: 'classes/:classId', element: <ClassRoute /> },
      { path: 'admin/staff', element: <StaffAdminRoute /> },
      { path: 'admin/classes', element: <ClassesAdminRoute /> },
      { path: 'admin/classes/:classId', element: <ClassAdminRoute /> },
      { path: 'admin/import', element: <ImportRoute /> },
      { path: 'pupils/:pupilId', element: <PupilRoute /> },
      { path: 'diary/:pupilId', element: <DiaryRoute /> },
      { path: 'admin/curriculum', element: <CurriculumRoute /> },
      { path: 'admin/timetable', element: <TimetableRoute /> },
      { path: 'admin/calendar', element: <CalendarRoute /> },
      { path: 'analysis', element: <AnalysisRoute /> },
      { path: 'analysis/reports', element: <ReportsRoute /> },
      { path: 'analysis/reports/:week', element: <ReportRoute /> },
      { path: 'remarks', element: <RemarksRoute /> },
      { path: 'delivery', element: <DeliveryRoute /> },
      { path: 'delivery/shortfalls', element: <ShortfallsRoute /> },
      { path: 'yearend', element: <YearEndRoute /> },
      { path: 'archive', element: <ArchiveRoute /> },
      { path: 'archive/:archiveId', element: <ArchiveViewRoute /> },
      { path: 'consent', element: <ConsentDashboardRoute /> },
      { path: 'consent/notice', element: <NoticeAdminRoute /> },
      { path: 'readiness', element: <ReadinessRoute /> },
      { path: 'consent/classes/:classId', element: <ClassConsentRoute /> },
      { path: 'announcements', element: <AnnouncementsRoute /> },
      { path: 'notifications', element: <NotificationSettingsRoute /> },
    ],
  },
  {
    path: 'city/:cityId',
    element: <CityScope />,
    children: [
      { index: true, element: <CityHomeRoute /> },
      { path: 'calendar', element: <CityCalendarRoute /> },
      { path: 'monitoring', element: <CityMonitoringRoute /> },
      { path: 'trust', element: <CityTrustRoute /> },
    ],
  },
  { path: '*', element: <NotFoundRoute /> },
];

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashedRoute /> },
  { path: '/invite', element: <InviteRoute /> },
  {
    element: <RequireAuth />,
    errorElement: <CrashedRoute />,
    children: [
      {
        // a one-time password from the administrator: only its change until then
        element: <PasswordGate />,
        children: [
          {
            element: <AppLayout />,
            // a screen that fails keeps the header, so the person can still go elsewhere
            children: [{ errorElement: <CrashedRoute />, children: screens }],
          },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
