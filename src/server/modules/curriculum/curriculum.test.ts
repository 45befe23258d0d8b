import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TLoadWarning, TTeachingLoad } from '../../../shared/api/curriculum.js';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { type Agent, actAs, anonymous, buildTestApp } from '../../test/app.js';
import { openTestDatabase, testEngine } from '../../test/db.js';
import * as f from '../../test/factories.js';

const TODAY = '2025-10-15';

let db: Database;
let app: FastifyInstance;
const as: Record<string, Agent> = {};
let school: f.BuiltSchool;
let base: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  app = await buildTestApp(db, { TODAY });
  const cityId = await f.buildCity(db);
  school = await f.buildSchool(db, cityId);
  const other = await f.buildSchool(db, cityId, 'Інша школа');
  base = `/api/schools/${school.schoolId}/curriculum`;
  await f.buildStaff(db, school.schoolId, 'admin', ['admin']);
  await f.buildStaff(db, school.schoolId, 'head', ['head']);
  await f.buildStaff(db, other.schoolId, 'admin.other', ['admin']);
  ids.math = await f.buildStaff(db, school.schoolId, 'math', ['teacher']);
  ids.eng = await f.buildStaff(db, school.schoolId, 'eng', ['teacher']);
  ids.head = (await withSystem(db, (c) => c.query(`SELECT id FROM app_user WHERE login = 'head'`))).rows[0].id;
  ids.class2 = await f.buildClass(db, school, 2, 'А');
  ids.class5 = await f.buildClass(db, school, 5, 'А');
  ids.class5b = await f.buildClass(db, school, 5, 'Б');
  ids.otherClass = await f.buildClass(db, other, 5, 'А');
  ids.anna = await f.buildPupil(db, school.schoolId, ids.class5, ['Іваненко', 'Анна']);
  ids.borys = await f.buildPupil(db, school.schoolId, ids.class5, ['Ґалаган', 'Борис']);
  ids.yana = await f.buildPupil(db, school.schoolId, ids.class5, ['Яковенко', 'Яна']);
  ids.stranger = await f.buildPupil(db, school.schoolId, ids.class5b, ['Чужий', 'Петро']);
  for (const login of ['admin', 'head', 'math', 'admin.other']) as[login] = await actAs(app, login);
}, 180_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

const subjectId = async (name: string) => (await as.admin.get(`${base}/subjects`)).json().subjects.find((s: { name: string }) => s.name === name).id as number;
const kinds = (w: TLoadWarning[]) => w.map((x) => x.kind).sort();

describe(`subjects and the curriculum (${testEngine})`, () => {
  it('adds subjects, sorted the Ukrainian way, and refuses a duplicate', async () => {
    for (const [name, shortName] of [['Математика', 'Матем.'], ['Англійська мова', 'Англ.'], ['Інформатика', 'Інф.'], ['Історія', 'Іст.']]) {
      expect((await as.admin.post(`${base}/subjects`, { name, shortName })).statusCode).toBe(200);
    }
    const list = (await as.admin.get(`${base}/subjects`)).json().subjects.map((s: { name: string }) => s.name);
    expect(list).toEqual(['Англійська мова', 'Інформатика', 'Історія', 'Математика']);
    const dup = await as.admin.post(`${base}/subjects`, { name: 'математика', shortName: 'М' }, 'en');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('The subject "математика" already exists.');
    const empty = await as.admin.post(`${base}/subjects`, { name: '  ', shortName: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields.map((x: { message: string }) => x.message)).toEqual(['Заповніть це поле.', 'Заповніть це поле.']);
  });

  it('sets weekly hours per grade and deletes only unused subjects', async () => {
    const math = await subjectId('Математика');
    const res = await as.admin.put(`${base}/plan`, { grade: 5, subjectId: math, hoursPerWeek: 4 });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toEqual([{ grade: 5, subjectId: math, hoursPerWeek: 4 }]);
    expect(res.json().grades).toEqual([2, 5]);
    await as.admin.put(`${base}/plan`, { grade: 5, subjectId: await subjectId('Англійська мова'), hoursPerWeek: 3 });
    const odd = await as.admin.put(`${base}/plan`, { grade: 5, subjectId: math, hoursPerWeek: 1.3 });
    expect(odd.statusCode).toBe(400);
    expect((await as.admin.request({ method: 'DELETE', url: `${base}/subjects/${math}` })).json().error.code).toBe('subject_in_use');
    const history = await subjectId('Історія');
    expect((await as.admin.request({ method: 'DELETE', url: `${base}/subjects/${history}` })).statusCode).toBe(200);
    expect((await as.admin.get(`${base}/plan`)).json().rows).toHaveLength(2);
  });
});

describe(`split groups (${testEngine})`, () => {
  it('creates groups and assigns pupils of the class only', async () => {
    const g = `${base}/classes/${ids.class5}/groups`;
    expect((await as.admin.post(g, { name: 'I група' })).statusCode).toBe(200);
    const res = await as.admin.post(g, { name: 'II група' });
    expect(res.json().pupils.map((p: { name: string }) => p.name)).toEqual(['Ґалаган Борис', 'Іваненко Анна', 'Яковенко Яна']);
    const [one, two] = res.json().groups;
    ids.group1 = one.id;
    ids.group2 = two.id;
    expect((await as.admin.put(`${base}/groups/${one.id}/members`, { pupilIds: [ids.anna, ids.borys] })).statusCode).toBe(200);
    const set = await as.admin.put(`${base}/groups/${two.id}/members`, { pupilIds: [ids.yana] });
    expect(set.json().groups.map((x: { name: string; pupilIds: number[] }) => [x.name, x.pupilIds.length])).toEqual([['I група', 2], ['II група', 1]]);
    const stranger = await as.admin.put(`${base}/groups/${two.id}/members`, { pupilIds: [ids.yana, ids.stranger] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.message).toBe('Учні не навчаються в цьому класі: 1.');
    expect((await as.admin.get(g)).json().groups[1].pupilIds).toEqual([ids.yana]);
    expect((await as.admin.post(g, { name: 'i група' })).json().error.code).toBe('group_exists');
  });
});

describe(`teaching load (${testEngine})`, () => {
  it('adds pages with the scale of the grade and totals each teacher', async () => {
    const math = await subjectId('Математика');
    const eng = await subjectId('Англійська мова');
    const inf = await subjectId('Інформатика');
    const add = (body: Record<string, unknown>) => as.admin.post(`${base}/load`, body);
    expect((await add({ classId: ids.class5, subjectId: math, teacherId: ids.math, hoursPerWeek: 4 })).statusCode).toBe(200);
    expect((await add({ classId: ids.class2, subjectId: math, teacherId: ids.math, hoursPerWeek: 4 })).statusCode).toBe(200);
    expect((await add({ classId: ids.class5, subjectId: eng, groupId: ids.group1, teacherId: ids.eng, hoursPerWeek: 3 })).statusCode).toBe(200);
    const last = await add({ classId: ids.class5, subjectId: eng, groupId: ids.group2, teacherId: null, hoursPerWeek: 2, scaleCode: 'levels' });
    expect(last.statusCode).toBe(200);
    const load: TTeachingLoad = last.json();
    expect(load.pages.map((p) => [p.classLabel, p.groupName, p.subjectName, p.scaleCode])).toEqual([
      ['2-А', null, 'Математика', 'verbal'],
      ['5-А', 'I група', 'Англійська мова', 'points12'],
      ['5-А', 'II група', 'Англійська мова', 'levels'],
      ['5-А', null, 'Математика', 'points12'],
    ]);
    expect(load.teachers.find((t) => t.id === ids.math)).toMatchObject({ hours: 8, pages: 2 });
    expect(load.teachers.find((t) => t.id === ids.eng)).toMatchObject({ hours: 3, pages: 1 });
    expect(load.maxTeacherHours).toBe(27);
    // a whole-class page beside group pages is refused
    const dup = await add({ classId: ids.class5, subjectId: eng, teacherId: ids.math, hoursPerWeek: 3 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Для цього класу (групи) уже є сторінка з предмета «Англійська мова».');
    const notTeacher = await add({ classId: ids.class5b, subjectId: inf, teacherId: ids.head, hoursPerWeek: 1 });
    expect(notTeacher.json().error.code).toBe('not_a_teacher');
    const wrongGroup = await add({ classId: ids.class5b, subjectId: inf, groupId: ids.group1, hoursPerWeek: 1 });
    expect(wrongGroup.json().error.code).toBe('group_not_in_class');
    expect((await add({ classId: ids.otherClass, subjectId: inf, hoursPerWeek: 1 })).statusCode).toBe(404);
  });

  it('warns of curriculum subjects without pages, pages without teachers, hours and load over the limit', async () => {
    const load: TTeachingLoad = (await as.admin.get(`${base}/load`)).json();
    const w = load.warnings;
    expect(w.filter((x) => x.kind === 'no_page').map((x) => x.message).sort()).toEqual([
      '5-Б: предмет «Англійська мова» є в навчальному плані, але не має сторінки журналу й учителя.',
      '5-Б: предмет «Математика» є в навчальному плані, але не має сторінки журналу й учителя.',
    ]);
    expect(w.filter((x) => x.kind === 'no_teacher').map((x) => x.message)).toEqual(['5-А (II група): «Англійська мова» — не призначено вчителя.']);
    expect(w.filter((x) => x.kind === 'hours_mismatch').map((x) => x.message)).toEqual([
      '5-А (II група): «Англійська мова» — 2 год на тиждень, а в навчальному плані 3.',
    ]);
    expect(kinds(w)).not.toContain('over_limit');
    const limited = await as.admin.put(`${base}/settings`, { maxTeacherHours: 6 });
    const over = (limited.json() as TTeachingLoad).warnings.filter((x) => x.kind === 'over_limit');
    expect(over.map((x) => x.message)).toEqual(['Тестенко Олена Петрівна: навантаження 8 год на тиждень перевищує межу 6 год.']);
    const en = (await as.admin.get(`${base}/load`, 'en')).json() as TTeachingLoad;
    expect(en.warnings.find((x) => x.kind === 'no_teacher')?.message).toBe('5-А (II група): "Англійська мова" has no teacher.');
  });

  it('changes a teacher only when they are free in the page’s timetable slots', async () => {
    const load: TTeachingLoad = (await as.admin.get(`${base}/load`)).json();
    const group2 = load.pages.find((p) => p.groupId === ids.group2)!;
    const math5 = load.pages.find((p) => p.classLabel === '5-А' && p.subjectName === 'Математика')!;
    const tt = `/api/schools/${school.schoolId}/timetable/entries`;
    expect((await as.admin.post(tt, { pageId: math5.id, weekday: 1, period: 2, from: TODAY })).statusCode).toBe(200);
    const math2 = load.pages.find((p) => p.classLabel === '2-А')!;
    expect((await as.admin.post(tt, { pageId: math2.id, weekday: 2, period: 2, from: TODAY })).statusCode).toBe(200);
    expect((await as.admin.post(tt, { pageId: group2.id, weekday: 2, period: 2, from: TODAY })).statusCode).toBe(200);
    const busy = await as.admin.request({ method: 'PATCH', url: `${base}/load/${group2.id}`, payload: { teacherId: ids.math } });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toBe('Учитель Тестенко О. П. у цей час уже має урок: 2-А, Математика.');
    const free = await as.admin.request({ method: 'PATCH', url: `${base}/load/${group2.id}`, payload: { teacherId: ids.eng, hoursPerWeek: 3 } });
    expect(free.statusCode).toBe(200);
    const after = (free.json() as TTeachingLoad).pages.find((p) => p.id === group2.id)!;
    expect(after).toMatchObject({ teacherId: ids.eng, hoursPerWeek: 3, timetableHours: 1 });
    expect(kinds((free.json() as TTeachingLoad).warnings)).not.toContain('no_teacher');
  });

  it('deletes a page nobody wrote on, but not one with entries', async () => {
    const load: TTeachingLoad = (await as.admin.get(`${base}/load`)).json();
    const math2 = load.pages.find((p) => p.classLabel === '2-А')!;
    const math5 = load.pages.find((p) => p.classLabel === '5-А' && p.subjectName === 'Математика')!;
    await withSystem(db, (c) => c.query(`UPDATE lesson SET topic = 'Числа' WHERE page_id = $1 AND lesson_date = '2025-10-20'`, [math5.id]));
    const refused = await as.admin.request({ method: 'DELETE', url: `${base}/load/${math5.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('page_in_use');
    const res = await as.admin.request({ method: 'DELETE', url: `${base}/load/${math2.id}` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as TTeachingLoad).pages.map((p) => p.id)).not.toContain(math2.id);
    const left = await withSystem(db, (c) => c.query('SELECT count(*)::int AS n FROM lesson WHERE page_id = $1', [math5.id]));
    expect(left.rows[0].n).toBeGreaterThan(20);
  });
});

describe(`curriculum access (${testEngine})`, () => {
  it('lets the head manage it; a teacher and another school are refused; nothing changes', async () => {
    expect((await as.head.get(`${base}/load`)).statusCode).toBe(200);
    expect((await as.head.post(`${base}/subjects`, { name: 'Хімія', shortName: 'Хім.' })).statusCode).toBe(200);
    expect((await as.math.get(`${base}/load`)).statusCode).toBe(403);
    expect((await as.math.post(`${base}/subjects`, { name: 'Фізика', shortName: 'Фіз.' })).statusCode).toBe(403);
    expect((await as['admin.other'].post(`${base}/subjects`, { name: 'Фізика', shortName: 'Фіз.' })).statusCode).toBe(403);
    expect((await as['admin.other'].get(`${base}/classes/${ids.class5}/groups`)).statusCode).toBe(403);
    expect((await anonymous(app, 'GET', `${base}/subjects`)).statusCode).toBe(401);
    const names = (await as.admin.get(`${base}/subjects`)).json().subjects.map((s: { name: string }) => s.name);
    expect(names).not.toContain('Фізика');
    // the other school's administrator sees a 404 for this school's class through their own school
    const own = `/api/schools/${school.schoolId + 1}/curriculum/classes/${ids.class5}/groups`;
    expect((await as['admin.other'].get(own)).statusCode).toBe(404);
  });
});
