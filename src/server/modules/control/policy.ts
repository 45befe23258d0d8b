import type { TRemarkStatus } from '../../../shared/api/control.js';
import type { Role } from '../../../shared/roles.js';
import { type Policy, schoolRoles } from '../../http/access.js';

/** The weekly analysis, drill-downs, flags and weekly reports: the head and the controller; the administrator reads. */
export const canAnalyse: Policy = schoolRoles('head', 'controller', 'admin');

/** Late corrections are approved by the head. */
export const canReviewLateChanges: Policy = schoolRoles('head');

/** Remarks are read by the school's leadership and by teachers (their own pages: the service checks). */
export const canReadRemarks: Policy = schoolRoles('head', 'controller', 'admin', 'teacher');

/** Remarks are written by the controller and the head. */
export const canWriteRemarks: Policy = schoolRoles('head', 'controller');

/** Acting on a remark: the teacher (acknowledge, fix) or the controller and head (close, reopen); the service decides which. */
export const canActOnRemarks: Policy = schoolRoles('head', 'controller', 'teacher');

/** Open and overdue remarks per teacher: the school's leadership. */
export const canSeeRemarkCounts: Policy = schoolRoles('head', 'controller', 'admin');

/** The city's fill settings: its city specialists. */
export const canManageCityFill: Policy = (p, req) => {
  const cityId = Number((req.params as Record<string, string>).cityId);
  return p.cities.some((c) => c.cityId === cityId);
};

/** Head, controller and administrator see every remark of the school. */
export function seesAllRemarks(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
}

/** Controller and head write, close and reopen remarks. */
export function controlsRemarks(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'head' || r === 'controller');
}

/** What a person may do with a remark in its current status. */
export function remarkAbilities(f: { roles: readonly Role[]; userId: number; teacherId: number | null; status: TRemarkStatus }) {
  const ownPage = f.teacherId !== null && f.teacherId === f.userId;
  const controls = controlsRemarks(f.roles);
  return {
    acknowledge: ownPage && f.status === 'open',
    fix: ownPage && (f.status === 'open' || f.status === 'acknowledged'),
    close: controls && f.status !== 'closed',
    reopen: controls && (f.status === 'fixed' || f.status === 'closed'),
  };
}

/** The status an action leads to. */
export const ACTION_STATUS = { acknowledge: 'acknowledged', fix: 'fixed', close: 'closed', reopen: 'open' } as const;
