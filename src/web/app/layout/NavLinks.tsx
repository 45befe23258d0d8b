import { NavLink, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { IconBook, IconCalendar, IconHome, IconSchool, IconUsers } from '../../components/ui/icons.js';
import { useClassPupils } from '../../features/people/api/get-class-pupils.js';
import type { TContext } from '../../lib/contexts.js';

function Item({ to, label, icon, exact = false }: { to: string; label: string; icon: ReactNode; exact?: boolean }) {
  const { pathname } = useLocation();
  const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return <NavLink component={Link} to={to} label={label} leftSection={icon} active={active} aria-current={active ? 'page' : undefined} />;
}

/** "Мій клас 5-А": the label comes from the same query the home screen uses. */
function MyClassItem({ schoolId, classId }: { schoolId: number; classId: number }) {
  const { t } = useTranslation();
  const label = useClassPupils(schoolId, classId).data?.class.label ?? '';
  return <Item to={`/s/${schoolId}/classes/${classId}`} label={t('nav.myClass', { label })} icon={<IconUsers />} />;
}

/** The sections a person may open in the current school or city, by their roles there. */
export function NavLinks({ context }: { context: TContext }) {
  const { t } = useTranslation();
  if (context.kind === 'city')
    return (
      <Stack gap={2}>
        <Item to={`/city/${context.id}`} label={t('monitoring.schools')} icon={<IconSchool />} exact />
        <Item to={`/city/${context.id}/monitoring`} label={t('navigation.monitoring')} icon={<IconSchool />} />
        <Item to={`/city/${context.id}/calendar`} label={t('navigation.cityCalendar')} icon={<IconCalendar />} />
        <Item to={`/city/${context.id}/trust`} label={t('trust.link')} icon={<IconBook />} />
      </Stack>
    );
  const base = `/s/${context.id}`;
  const m = context.membership;
  const has = (...roles: string[]) => context.roles.some((r) => roles.includes(r));
  const leads = has('head', 'controller', 'admin');
  const manages = has('head', 'admin');
  return (
    <Stack gap={2}>
      <Item to={base} label={t('nav.home')} icon={<IconHome />} exact />
      {leads && <Item to={`${base}/journal`} label={t('nav.pages')} icon={<IconBook />} />}
      {leads && <Item to={`${base}/classes`} label={t('nav.classes')} icon={<IconUsers />} exact />}
      {leads && <Item to={`${base}/delivery`} label={t('delivery.nav')} icon={<IconBook />} />}
      {m.classIds.map((id) => (
        <MyClassItem key={id} schoolId={context.id} classId={id} />
      ))}
      {m.children.map((c) => (
        <Item key={c.pupilId} to={`${base}/diary/${c.pupilId}`} label={t('nav.diary', { name: c.name })} icon={<IconBook />} />
      ))}
      {m.pupilId && <Item to={`${base}/diary/${m.pupilId}`} label={t('nav.myDiary')} icon={<IconBook />} />}
      {has('head', 'controller', 'admin') && <Item to={`${base}/analysis`} label={t('navigation.analysis')} icon={<IconBook />} />}
      {has('head', 'controller', 'admin', 'teacher') && <Item to={`${base}/remarks`} label={t('navigation.remarks')} icon={<IconBook />} />}
      {has('head', 'admin', 'class_teacher') && <Item to={`${base}/consent`} label={t('navigation.consent')} icon={<IconUsers />} exact />}
      {has('head', 'admin', 'class_teacher') && <Item to={`${base}/announcements`} label={t('navigation.announcements')} icon={<IconUsers />} />}
      {has('parent') && <Item to="/consent" label={t('navigation.myConsent')} icon={<IconUsers />} />}
      {has('parent') && <Item to={`${base}/notifications`} label={t('navigation.notifications')} icon={<IconUsers />} />}
      {leads && (
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
          {t('navigation.admin')}
        </Text>
      )}
      {manages && <Item to={`${base}/admin/staff`} label={t('navigation.staff')} icon={<IconUsers />} />}
      {manages && <Item to={`${base}/admin/classes`} label={t('navigation.classesAdmin')} icon={<IconUsers />} />}
      {manages && <Item to={`${base}/admin/import`} label={t('navigation.import')} icon={<IconUsers />} />}
      {leads && <Item to={`${base}/admin/curriculum`} label={t('navigation.curriculum')} icon={<IconBook />} />}
      {leads && <Item to={`${base}/admin/timetable`} label={t('navigation.timetable')} icon={<IconCalendar />} />}
      {manages && <Item to={`${base}/admin/calendar`} label={t('navigation.calendar')} icon={<IconCalendar />} />}
      {manages && <Item to={`${base}/consent/notice`} label={t('privacyNotice.nav')} icon={<IconSchool />} />}
      {leads && <Item to={`${base}/readiness`} label={t('navigation.readiness')} icon={<IconSchool />} />}
      {leads && <Item to={`${base}/yearend`} label={t('navigation.yearend')} icon={<IconCalendar />} />}
      {leads && <Item to={`${base}/archive`} label={t('navigation.archive')} icon={<IconBook />} />}
    </Stack>
  );
}
