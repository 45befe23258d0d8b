import { type Policy, schoolRoles } from '../../http/access.js';
import { canSeeCity } from '../schools/policy.js';

/** Curriculum delivery of a school: the head and the controller; the administrator reads too (the report only reads). */
export const canSeeDelivery: Policy = schoolRoles('head', 'controller', 'admin');

/** The city's shares per school: its city specialists. */
export const canSeeCityDelivery: Policy = canSeeCity;
