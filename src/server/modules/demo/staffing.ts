/** Staff of a school, the teaching load (journal pages) and who teaches what. */
import { curriculumFor, scaleFor, type Specialty, SPECIALTY_POSITION } from './curriculum.js';
import type { NewUser, Page, SchoolClass, SchoolInfo, StaffMember } from './model.js';
import { adultName, type Gender, type PersonName } from './names.js';
import { splitsLarge } from './people.js';
import type { Rng } from './random.js';
import type { IdAllocator } from './writer.js';

/** Most weekly hours a teacher takes (the usual full load is 18, many take more). */
export const MAX_LOAD = 24;
/** The demo teacher's load in the first school, leaving room for the second. */
const DEMO_TEACHER_FIRST_LOAD = 16;

export interface SharedTeacher {
  userId: number;
  name: PersonName;
  load: number;
  busy: Set<number>;
}

export interface StaffContext {
  rng: Rng;
  ids: IdAllocator;
  info: SchoolInfo;
  newUsers: NewUser[];
  classes: SchoolClass[];
  subjects: Map<string, number>;
  /** the demo teacher: made in the first school, also teaching in the second */
  demo: { teacher?: SharedTeacher };
}

export interface Staffing {
  staff: StaffMember[];
  pages: Page[];
}

interface Bundle {
  cls: SchoolClass;
  specialty: Specialty;
  groupIndex: 0 | 1 | 2;
  pages: Page[];
  hours: number;
}

class StaffBuilder {
  readonly staff: StaffMember[] = [];
  private pools = new Map<Specialty, StaffMember[]>();

  constructor(private readonly ctx: StaffContext) {}

  add(position: string, roles: StaffMember['roles'], specialty: Specialty | null, gender: Gender): StaffMember {
    const name = adultName(this.ctx.rng, gender);
    const userId = this.ctx.ids.next('app_user');
    const login = `sch${this.ctx.info.index + 1}.t${String(this.staff.length + 1).padStart(3, '0')}`;
    this.ctx.newUsers.push({ id: userId, login, ...name });
    const member: StaffMember = { userId, name, position, roles, specialty, cap: MAX_LOAD, load: 0, busy: new Set(), existingUser: false };
    this.staff.push(member);
    if (specialty) this.pool(specialty).push(member);
    return member;
  }

  pool(specialty: Specialty): StaffMember[] {
    let pool = this.pools.get(specialty);
    if (!pool) {
      pool = [];
      this.pools.set(specialty, pool);
    }
    return pool;
  }

  teacher(specialty: Specialty): StaffMember {
    const male = specialty === 'pe' || specialty === 'defence' ? 0.7 : 0.15;
    return this.add(SPECIALTY_POSITION[specialty], ['teacher'], specialty, this.ctx.rng.chance(male) ? 'm' : 'f');
  }

  rename(member: StaffMember, login: string): void {
    const user = this.ctx.newUsers.find((u) => u.id === member.userId);
    if (user) user.login = login;
  }
}

/** Pages of every class: one per subject, two (one per group) where the class splits. */
function buildPages(ctx: StaffContext): Bundle[] {
  const bundles = new Map<string, Bundle>();
  for (const cls of ctx.classes) {
    for (const item of curriculumFor(cls.grade)) {
      const split = item.split === 'always' || (item.split === 'large' && splitsLarge(cls));
      if (split && !cls.groupIds) cls.groupIds = [ctx.ids.next('class_group'), ctx.ids.next('class_group')];
      for (const groupIndex of split ? ([1, 2] as const) : ([0] as const)) {
        const page: Page = {
          id: ctx.ids.next('journal_page'), classId: cls.id, grade: cls.grade, subject: item.subject,
          subjectId: ctx.subjects.get(item.subject) ?? 0, groupIndex, teacherId: 0, hours: item.hours,
          scale: scaleFor(cls.grade), slots: [],
        };
        const key = `${cls.id}:${item.specialty}:${groupIndex}`;
        const bundle = bundles.get(key) ?? { cls, specialty: item.specialty, groupIndex, pages: [], hours: 0 };
        bundle.pages.push(page);
        bundle.hours += item.hours;
        bundles.set(key, bundle);
      }
    }
  }
  return [...bundles.values()];
}

/** First fit: teachers fill up one after another, so each teaches a run of neighbouring grades. */
function assignBundles(b: StaffBuilder, bundles: Bundle[]): void {
  const order: Specialty[] = ['ukrainian', 'math', 'english', 'history', 'geography', 'biology', 'chemistry', 'physics', 'informatics', 'technology', 'art', 'pe', 'defence'];
  const sorted = bundles
    .filter((x) => x.specialty !== 'primary')
    .sort((x, y) => order.indexOf(x.specialty) - order.indexOf(y.specialty) || x.cls.grade - y.cls.grade || x.cls.letter.localeCompare(y.cls.letter) || x.groupIndex - y.groupIndex);
  const byClassSpecialty = new Map<string, number>();
  for (const bundle of sorted) {
    const sibling = bundle.groupIndex === 2 ? byClassSpecialty.get(`${bundle.cls.id}:${bundle.specialty}`) : undefined;
    const teacher =
      b.pool(bundle.specialty).find((t) => t.load + bundle.hours <= t.cap && t.userId !== sibling) ?? b.teacher(bundle.specialty);
    teacher.load += bundle.hours;
    for (const page of bundle.pages) page.teacherId = teacher.userId;
    byClassSpecialty.set(`${bundle.cls.id}:${bundle.specialty}`, teacher.userId);
  }
}

function addSharedTeacher(ctx: StaffContext, b: StaffBuilder): void {
  const shared = ctx.demo.teacher;
  if (ctx.info.index === 0) {
    const t = b.teacher('math');
    t.cap = DEMO_TEACHER_FIRST_LOAD;
    b.rename(t, 'teacher');
    ctx.demo.teacher = { userId: t.userId, name: t.name, load: 0, busy: t.busy };
  } else if (ctx.info.index === 1 && shared) {
    const member: StaffMember = {
      userId: shared.userId, name: shared.name, position: 'Вчитель математики (за сумісництвом)', roles: ['teacher'],
      specialty: 'math', cap: MAX_LOAD - shared.load, load: 0, busy: new Set(shared.busy), existingUser: true,
    };
    b.staff.push(member);
    b.pool('math').push(member);
  }
}

/** Class teachers of grades 5-11: a teacher of the class with the most hours in it, one class each. */
function assignClassTeachers(ctx: StaffContext, b: StaffBuilder, pages: Page[]): void {
  const taken = new Set<number>();
  const excluded = new Set<number>([ctx.demo.teacher?.userId ?? 0, ...b.staff.filter((s) => s.roles.includes('admin')).map((s) => s.userId)]);
  for (const cls of ctx.classes) {
    if (cls.grade <= 4) continue;
    const hours = new Map<number, number>();
    for (const p of pages) if (p.classId === cls.id) hours.set(p.teacherId, (hours.get(p.teacherId) ?? 0) + p.hours);
    const candidates = [...hours.entries()].filter(([id]) => !excluded.has(id)).sort((x, y) => y[1] - x[1]);
    const choice = candidates.find(([id]) => !taken.has(id)) ?? candidates[0];
    if (!choice) throw new Error(`no class teacher for ${cls.grade}-${cls.letter}`);
    cls.classTeacherId = choice[0];
    taken.add(choice[0]);
    if (ctx.info.index === 0 && cls.grade === 5 && cls.letter === 'А') {
      const member = b.staff.find((s) => s.userId === choice[0]);
      if (member) b.rename(member, 'classteacher');
    }
  }
}

/** Head, deputy (controller), the teachers and the e-journal administrator of a school. */
export function buildStaff(ctx: StaffContext): Staffing {
  const b = new StaffBuilder(ctx);
  const first = ctx.info.index === 0;
  const head = b.add('Директор', ['head'], null, ctx.rng.chance(0.6) ? 'f' : 'm');
  const deputy = b.add('Заступник директора з навчально-виховної роботи', ['controller'], null, 'f');
  if (first) {
    b.rename(head, 'head');
    b.rename(deputy, 'controller');
  }
  const bundles = buildPages(ctx);
  for (const bundle of bundles.filter((x) => x.specialty === 'primary')) {
    // the class teacher of a primary class teaches it nearly everything
    const t = b.teacher('primary');
    t.load = bundle.hours;
    bundle.cls.classTeacherId = t.userId;
    for (const page of bundle.pages) page.teacherId = t.userId;
  }
  addSharedTeacher(ctx, b);
  assignBundles(b, bundles);
  if (first && ctx.demo.teacher) {
    const shared = ctx.demo.teacher;
    shared.load = b.staff.find((s) => s.userId === shared.userId)?.load ?? 0;
  }
  const admin = b.pool('informatics')[0] ?? b.add('Адміністратор електронних журналів', [], null, 'f');
  admin.roles = [...admin.roles, 'admin'];
  if (first) b.rename(admin, 'admin');
  const pages = bundles.flatMap((x) => x.pages).sort((x, y) => x.id - y.id);
  assignClassTeachers(ctx, b, pages);
  // a shared teacher with no hours here would be a staff row with nothing to do
  const staff = b.staff.filter((s) => s.load > 0 || s.specialty === null || s.roles.some((r) => r !== 'teacher'));
  return { staff, pages };
}
