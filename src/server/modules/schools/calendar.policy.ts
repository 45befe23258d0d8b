import { membershipOf, type Policy, schoolIdOf, schoolRoles } from '../../http/access.js';

/** Everyone of the school (staff, parents, pupils) may see its calendar. */
export const canReadCalendar: Policy = (p, req) => !!membershipOf(p, schoolIdOf(req));

/** The e-journal administrator and the head change it. */
export const canEditCalendar = schoolRoles('head', 'admin');

/** A city specialist declares days off for every school of their own city. */
export const canManageCityDaysOff: Policy = (p, req) => {
  const cityId = Number((req.params as Record<string, string>).cityId);
  return p.cities.some((c) => c.cityId === cityId);
};
