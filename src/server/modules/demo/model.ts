/** The in-memory shape of one demo school while it is generated (ids are computed in JS). */
import type { Specialty } from './curriculum.js';
import type { DemoCalendar } from './calendar.js';
import type { Gender, PersonName } from './names.js';
import type { SchoolDay } from '../timetable/schedule.js';

export interface NewUser extends PersonName {
  id: number;
  login: string;
}

export interface StaffMember {
  userId: number;
  name: PersonName;
  position: string;
  roles: ('head' | 'controller' | 'admin' | 'teacher')[];
  specialty: Specialty | null;
  /** most teaching hours a week this person takes in this school */
  cap: number;
  load: number;
  /** weekday*10+period slots taken, in this and (for a shared teacher) other schools */
  busy: Set<number>;
  /** the user already exists (a teacher shared with an earlier school) */
  existingUser: boolean;
}

export interface Family {
  surname: string;
  fatherFirst: string;
  guardians: GuardianSpec[];
  children: number;
  firstGrade: number;
  /** the demo parent's family: nobody of it leaves the school */
  demo?: boolean;
}

export interface GuardianSpec {
  name: PersonName;
  relation: 'mother' | 'father' | 'guardian';
  phone: string;
  /** an account; an existing id for the demo parent in a second school */
  userId: number | null;
  login: string | null;
}

export interface Pupil {
  id: number;
  name: PersonName;
  gender: Gender;
  birthDate: string;
  classId: number;
  family: Family;
  userId: number | null;
  login: string | null;
  from: string;
  to: string | null;
  arrivalOrder: string;
  departureOrder: string;
  /** standard-normal ability: marks centre on it */
  ability: number;
  /** 1 or 2 for the split-subject groups of grades 5-11, else 0 */
  group: 0 | 1 | 2;
}

export interface SchoolClass {
  id: number;
  grade: number;
  letter: string;
  pupils: Pupil[];
  classTeacherId: number | null;
  /** class_group ids of 'I група' and 'II група' when the class splits */
  groupIds: [number, number] | null;
}

export interface Page {
  id: number;
  classId: number;
  grade: number;
  subject: string;
  subjectId: number;
  groupIndex: 0 | 1 | 2;
  teacherId: number;
  hours: number;
  scale: 'verbal' | 'levels' | 'points12';
  /** weekday*10+period of its weekly lessons */
  slots: number[];
}

export interface SchoolInfo {
  id: number;
  cityId: number;
  index: number;
  name: string;
  shortName: string;
  address: string;
  /** parallel classes per grade */
  parallels: number;
  maxGrade: number;
}

export interface SchoolModel {
  info: SchoolInfo;
  yearId: number;
  calendar: DemoCalendar;
  days: SchoolDay[];
  staff: StaffMember[];
  classes: SchoolClass[];
  pages: Page[];
  /** subject name -> id */
  subjects: Map<string, number>;
}
