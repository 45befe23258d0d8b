import { membershipOf, type Policy, schoolIdOf } from '../../http/access.js';

/** Anyone who belongs to the school in any role may see its card and calendar. */
export const canSeeSchool: Policy = (p, req) => !!membershipOf(p, schoolIdOf(req));

/** A city specialist sees their own city's schools, as aggregates only. */
export const canSeeCity: Policy = (p, req) => {
  const cityId = Number((req.params as Record<string, string>).cityId);
  return p.cities.some((c) => c.cityId === cityId);
};
