/** Roles a person may hold; a person may hold several in several schools. */
export const SCHOOL_ROLES = ['head', 'controller', 'admin', 'teacher'] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

/** Roles derived from data rather than assigned: a class's teacher, a pupil's guardian, a pupil. */
export const ALL_ROLES = [
  'city_specialist',
  'head',
  'controller',
  'admin',
  'teacher',
  'class_teacher',
  'parent',
  'pupil',
] as const;
export type Role = (typeof ALL_ROLES)[number];

export interface TChild {
  pupilId: number;
  name: string;
  classLabel: string | null;
}

/** What a person is in one school. */
export interface TMembership {
  schoolId: number;
  schoolName: string;
  roles: Role[];
  /** classes the person leads as class teacher */
  classIds: number[];
  /** the pupils the person is a guardian of */
  children: TChild[];
  /** the person's own pupil record, for a pupil */
  pupilId: number | null;
}

export interface TCityMembership {
  cityId: number;
  cityName: string;
}

export interface TPrincipal {
  userId: number;
  login: string;
  fullName: string;
  locale: 'uk' | 'en';
  schools: TMembership[];
  cities: TCityMembership[];
  /** signed in with a one-time password from the administrator: must choose their own first */
  mustChangePassword?: boolean;
}
