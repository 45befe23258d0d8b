/** Classes, pupils, their families and the movement of pupils during the year. */
import { addDays, dateOf, dayNumber, formatUa } from './calendar.js';
import { SPLIT_MIN_PUPILS } from './curriculum.js';
import type { Family, GuardianSpec, NewUser, Pupil, SchoolClass, SchoolInfo } from './model.js';
import { adultName, firstName, type Gender, MALE_NAMES, patronymic, phone, SURNAMES, surnameFor } from './names.js';
import type { Rng } from './random.js';
import type { IdAllocator } from './writer.js';

export const LETTERS = ['А', 'Б', 'В', 'Г'] as const;
const collator = new Intl.Collator('uk');
// of pupils of grades 5-11; about 60% end up with one, since some families gave no consent
const PUPIL_ACCOUNT_SHARE = 0.7;

export interface PeopleContext {
  rng: Rng;
  ids: IdAllocator;
  info: SchoolInfo;
  yearStart: number;
  today: string;
  newUsers: NewUser[];
  /** the demo parent's family, made in the first school and carried into the second */
  demo: { family?: Family };
  singleSchool: boolean;
}

interface Counters {
  pupilLogins: number;
  guardianLogins: number;
}

function account(ctx: PeopleContext, counters: Counters, kind: 'p' | 'g', name: GuardianSpec['name']): { userId: number; login: string } {
  const n = kind === 'p' ? ++counters.pupilLogins : ++counters.guardianLogins;
  const login = `sch${ctx.info.index + 1}.${kind}${String(n).padStart(4, '0')}`;
  const id = ctx.ids.next('app_user');
  ctx.newUsers.push({ id, login, ...name });
  return { userId: id, login };
}

function newFamily(ctx: PeopleContext, counters: Counters, grade: number): Family {
  const rng = ctx.rng;
  const surname = rng.pick(SURNAMES);
  const fatherFirst = rng.pick(MALE_NAMES);
  const guardians: GuardianSpec[] = [];
  const r = rng.next();
  if (r < 0.92) guardians.push(newMother(rng, surname));
  if (r < 0.72 || (r >= 0.92 && r < 0.97)) {
    guardians.push({ name: { lastName: surname, firstName: fatherFirst, middleName: patronymic(rng.pick(MALE_NAMES), 'm') }, relation: 'father', phone: phone(rng), userId: null, login: null });
  }
  if (r >= 0.97) {
    // a grandmother as the legal guardian
    guardians.push({ name: { ...adultName(rng, 'f'), lastName: surnameFor(surname, 'f') }, relation: 'guardian', phone: phone(rng), userId: null, login: null });
  }
  for (const g of guardians) {
    if (rng.chance(0.7)) Object.assign(g, account(ctx, counters, 'g', g.name));
  }
  return { surname, fatherFirst, guardians, children: 0, firstGrade: grade };
}

function newMother(rng: Rng, surname: string): GuardianSpec {
  // one mother in ten kept her own surname
  const lastName = surnameFor(rng.chance(0.1) ? rng.pick(SURNAMES) : surname, 'f');
  const name = { lastName, firstName: firstName(rng, 'f'), middleName: patronymic(rng.pick(MALE_NAMES), 'f') };
  return { name, relation: 'mother', phone: phone(rng), userId: null, login: null };
}

function birthDate(rng: Rng, yearStart: number, grade: number): string {
  const first = dayNumber(`${yearStart - 6 - grade}-09-01`);
  return dateOf(first + rng.int(0, 364));
}

/** withAccount: true for a numbered login, a string for a fixed one (the demo pupil). */
function makePupil(ctx: PeopleContext, counters: Counters, cls: SchoolClass, family: Family, gender: Gender, withAccount: boolean | string): Pupil {
  const rng = ctx.rng;
  const name = { lastName: surnameFor(family.surname, gender), firstName: firstName(rng, gender), middleName: patronymic(family.fatherFirst, gender) };
  // no account without a guardian's consent, and consent is given online by guardians with accounts
  const consented = family.guardians.some((g) => g.userId !== null);
  const acc = withAccount && consented ? account(ctx, counters, 'p', name) : null;
  if (acc && typeof withAccount === 'string') renameUser(ctx, acc, withAccount);
  family.children++;
  return {
    id: ctx.ids.next('pupil'), name, gender, birthDate: birthDate(rng, ctx.yearStart, cls.grade), classId: cls.id, family,
    userId: acc?.userId ?? null, login: acc?.login ?? null, from: `${ctx.yearStart}-09-01`, to: null,
    arrivalOrder: '', departureOrder: '', ability: rng.normal(0, 1), group: 0,
  };
}

/** Classes of every grade with their pupils and families (siblings share a family). */
export function buildClasses(ctx: PeopleContext): SchoolClass[] {
  const rng = ctx.rng;
  const counters: Counters = { pupilLogins: 0, guardianLogins: 0 };
  const classes: SchoolClass[] = [];
  const onlyChildren: Family[] = [];
  for (let grade = 1; grade <= ctx.info.maxGrade; grade++) {
    const parallels = grade >= 10 ? Math.max(1, ctx.info.parallels - 1) : ctx.info.parallels;
    for (let p = 0; p < parallels; p++) {
      const cls: SchoolClass = { id: ctx.ids.next('school_class'), grade, letter: LETTERS[p] as string, pupils: [], classTeacherId: null, groupIds: null };
      const size = Math.min(32, Math.max(20, Math.round(rng.normal(26.5, 3.2))));
      for (let i = 0; i < size; i++) {
        // about one pupil in twelve has a brother or sister in a lower grade of the school
        const candidates = rng.chance(0.08) ? onlyChildren.filter((f) => f.children === 1 && f.firstGrade < grade) : [];
        const sibling = candidates.length ? rng.pick(candidates) : undefined;
        const family = sibling ?? newFamily(ctx, counters, grade);
        if (!sibling) onlyChildren.push(family);
        cls.pupils.push(makePupil(ctx, counters, cls, family, rng.chance(0.5) ? 'm' : 'f', grade >= 5 && rng.chance(PUPIL_ACCOUNT_SHARE)));
      }
      classes.push(cls);
    }
  }
  addDemoFamily(ctx, counters, classes);
  addMovement(ctx, counters, classes);
  for (const cls of classes) assignGroups(cls);
  return classes;
}

/**
 * The demo parent: mother of the demo pupil in 5-А of the first school and of an older child
 * in the second school (or in the first, when the city has one school).
 */
function addDemoFamily(ctx: PeopleContext, counters: Counters, classes: SchoolClass[]): void {
  const index = ctx.info.index;
  if (index === 0) {
    const cls5 = classes.find((c) => c.grade === 5);
    if (!cls5) throw new Error('the first demo school must have grade 5');
    const family = newFamily(ctx, counters, 5);
    family.demo = true;
    let mother = family.guardians.find((g) => g.relation === 'mother');
    if (!mother) {
      mother = newMother(ctx.rng, family.surname);
      family.guardians.unshift(mother);
    }
    if (mother.userId === null) Object.assign(mother, account(ctx, counters, 'g', mother.name));
    renameUser(ctx, mother, 'parent');
    cls5.pupils.unshift(makePupil(ctx, counters, cls5, family, 'f', 'pupil'));
    ctx.demo.family = family;
  }
  const family = ctx.demo.family;
  const olderChildHere = index === 1 || (index === 0 && ctx.singleSchool);
  if (!family || !olderChildHere) return;
  const cls = classes.find((c) => c.grade === 8) ?? classes[classes.length - 1];
  if (!cls) return;
  // guardian rows belong to a school: the second school gets its own, with the same account
  const here: Family = index === 0 ? family : { ...family, children: 0, guardians: family.guardians.map((g) => ({ ...g, login: null })) };
  cls.pupils.push(makePupil(ctx, counters, cls, here, 'm', false));
}

function renameUser(ctx: PeopleContext, who: { userId: number | null; login: string | null }, login: string): void {
  const user = ctx.newUsers.find((u) => u.id === who.userId);
  if (!user) throw new Error(`no new user ${who.userId}`);
  user.login = login;
  who.login = login;
}

/** A few pupils arrive during the year and a few leave, with order numbers. */
function addMovement(ctx: PeopleContext, counters: Counters, classes: SchoolClass[]): void {
  const rng = ctx.rng;
  const first = dayNumber(`${ctx.yearStart}-09-15`);
  const last = Math.min(dayNumber(`${ctx.yearStart + 1}-05-15`), dayNumber(ctx.today));
  if (last <= first) return;
  const moves: { date: string; set: (order: string) => void }[] = [];
  for (const cls of classes) {
    if (rng.chance(0.22)) {
      const date = dateOf(rng.int(first, last));
      const pupil = makePupil(ctx, counters, cls, newFamily(ctx, counters, cls.grade), rng.chance(0.5) ? 'm' : 'f', cls.grade >= 5 && rng.chance(PUPIL_ACCOUNT_SHARE));
      pupil.from = date;
      cls.pupils.push(pupil);
      moves.push({ date, set: (o) => { pupil.arrivalOrder = o; } });
    }
    if (rng.chance(0.18)) {
      const pupil = rng.pick(cls.pupils.filter((p) => p.to === null && p.from === `${ctx.yearStart}-09-01` && !p.family.demo));
      const date = dateOf(rng.int(first, last));
      pupil.to = date;
      moves.push({ date, set: (o) => { pupil.departureOrder = o; } });
    }
  }
  moves.sort((a, b) => a.date.localeCompare(b.date));
  let number = rng.int(20, 40);
  for (const m of moves) {
    number += rng.int(1, 6);
    m.set(`№ ${number}-у від ${formatUa(addDays(m.date, -1))}`);
  }
}

/** Halves a class of grade 5+ into 'I група' and 'II група' by alphabetical order; arrivals join the smaller. */
function assignGroups(cls: SchoolClass): void {
  if (cls.grade < 5) return;
  const start = cls.pupils.filter((p) => p.from === cls.pupils[0]?.from);
  const sorted = [...start].sort((a, b) => collator.compare(`${a.name.lastName} ${a.name.firstName}`, `${b.name.lastName} ${b.name.firstName}`));
  const half = Math.ceil(sorted.length / 2);
  sorted.forEach((p, i) => { p.group = i < half ? 1 : 2; });
  for (const p of cls.pupils) {
    if (p.group !== 0) continue;
    const ones = cls.pupils.filter((q) => q.group === 1).length;
    const twos = cls.pupils.filter((q) => q.group === 2).length;
    p.group = ones <= twos ? 1 : 2;
  }
}

/** Pupils on the class list at the start of the year: what decides whether a subject splits. */
export function splitsLarge(cls: SchoolClass): boolean {
  return cls.pupils.filter((p) => p.arrivalOrder === '').length >= SPLIT_MIN_PUPILS;
}
