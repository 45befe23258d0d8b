import { NavLink, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { IconBook, IconHome, IconSchool, IconUsers } from '../../components/ui/icons.js';
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
  if (context.kind === 'city') return <Item to={`/city/${context.id}`} label={t('monitoring.schools')} icon={<IconSchool />} exact />;
  const base = `/s/${context.id}`;
  const m = context.membership;
  const leads = context.roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
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
    </Stack>
  );
}
