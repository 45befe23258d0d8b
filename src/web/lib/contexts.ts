import type { TMe } from '../../shared/api/auth.js';
import type { Role } from '../../shared/roles.js';

type TSchoolMembership = TMe['schools'][number];

/** A place a person works in: one school (with all their roles there) or one city. */
export type TContext =
  | { kind: 'school'; id: number; name: string; roles: Role[]; membership: TSchoolMembership }
  | { kind: 'city'; id: number; name: string; roles: Role[] };

/** Role order on cards and on the home screen: leadership first, family last. */
const ROLE_ORDER: Role[] = ['city_specialist', 'head', 'controller', 'admin', 'teacher', 'class_teacher', 'parent', 'pupil'];

export function sortRoles(roles: readonly string[]): Role[] {
  return ROLE_ORDER.filter((r) => roles.includes(r));
}

/** Every context of the person: their schools, then their cities. */
export function contextsOf(me: TMe): TContext[] {
  const schools = me.schools.map<TContext>((m) => ({ kind: 'school', id: m.schoolId, name: m.schoolName, roles: sortRoles(m.roles), membership: m }));
  const cities = me.cities.map<TContext>((c) => ({ kind: 'city', id: c.cityId, name: c.cityName, roles: ['city_specialist'] }));
  return [...schools, ...cities];
}

/** The home address of a context: /s/:schoolId or /city/:cityId. */
export function contextPath(c: Pick<TContext, 'kind' | 'id'>): string {
  return c.kind === 'school' ? `/s/${c.id}` : `/city/${c.id}`;
}

/** The context an address belongs to, if the person has it. */
export function contextOfPath(contexts: TContext[], pathname: string): TContext | undefined {
  const match = /^\/(s|city)\/(\d+)(\/|$)/.exec(pathname);
  if (!match) return undefined;
  const kind = match[1] === 's' ? 'school' : 'city';
  return contexts.find((c) => c.kind === kind && c.id === Number(match[2]));
}

/** The school membership the person has in schoolId, if any. */
export function membershipIn(me: TMe, schoolId: number): TSchoolMembership | undefined {
  return me.schools.find((m) => m.schoolId === schoolId);
}
