/** Inserts one school's people, classes, subjects, pages and timetable (everything but the journal). */
import type { Client } from '../../db/tenancy.js';
import { addDays, kyivTime } from './calendar.js';
import { curriculumFor, SUBJECTS } from './curriculum.js';
import type { GuardianSpec, NewUser, SchoolModel } from './model.js';
import type { IdAllocator } from './writer.js';
import { BulkWriter } from './writer.js';

export interface AccountDefaults {
  passwordHash: string;
  createdAt: string;
}

/** New accounts: one shared hash, since hashing each would take minutes by design. */
export async function writeUsers(c: Client, users: readonly NewUser[], acc: AccountDefaults): Promise<void> {
  const w = new BulkWriter(c);
  const t = w.table('app_user', [['id', 'int'], ['login', 'text'], ['password_hash', 'text'], ['last_name', 'text'], ['first_name', 'text'], ['middle_name', 'text'], ['created_at', 'timestamptz']]);
  for (const u of users) t.add(u.id, u.login, acc.passwordHash, u.lastName, u.firstName, u.middleName, acc.createdAt);
  await w.flush();
}

async function writeSchoolAndCalendar(c: Client, m: SchoolModel, ids: IdAllocator): Promise<void> {
  const s = m.info;
  await c.query('INSERT INTO school (id, city_id, name, short_name, address) VALUES ($1, $2, $3, $4, $5)', [s.id, s.cityId, s.name, s.shortName, s.address]);
  const cal = m.calendar;
  await c.query('INSERT INTO school_year (school_id, id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)', [s.id, m.yearId, cal.name, cal.startsOn, cal.endsOn]);
  for (const sem of cal.semesters) {
    await c.query('INSERT INTO semester (school_id, year_id, number, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)', [s.id, m.yearId, sem.number, sem.startsOn, sem.endsOn]);
  }
  for (const p of cal.periods) {
    await c.query('INSERT INTO calendar_period (school_id, id, year_id, kind, starts_on, ends_on, name) VALUES ($1, $2, $3, $4, $5, $6, $7)', [s.id, ids.next('calendar_period'), m.yearId, p.kind, p.startsOn, p.endsOn, p.name]);
  }
}

const GYMS = ['Спортзал', 'Малий спортзал', 'Спортмайданчик', 'Зал хореографії'];

/** A room of one's own for each teacher, so no two lessons share a room (the timetable's room rule). */
function roomsOf(m: SchoolModel): Map<number, string> {
  const rooms = new Map<number, string>();
  let pe = 0;
  let it = 0;
  let other = 0;
  for (const s of m.staff) {
    if (s.specialty === 'pe') {
      rooms.set(s.userId, GYMS[pe] ?? `Спортзал ${pe + 1}`);
      pe++;
    } else if (s.specialty === 'informatics') {
      rooms.set(s.userId, `Комп. клас ${++it}`);
    } else {
      // 101..130 on the first floor, 201..230 on the second...
      rooms.set(s.userId, String(101 + (other % 30) + Math.floor(other / 30) * 100));
      other++;
    }
  }
  return rooms;
}

/** Staff, classes, pupils, guardians, subjects, the plan, groups, pages and the weekly timetable. */
export async function writeSchoolRows(c: Client, m: SchoolModel, ids: IdAllocator): Promise<void> {
  await writeSchoolAndCalendar(c, m, ids);
  const sid = m.info.id;
  const w = new BulkWriter(c);
  const staff = w.table('staff', [['school_id', 'int'], ['user_id', 'int'], ['position', 'text']]);
  const staffRole = w.table('staff_role', [['school_id', 'int'], ['user_id', 'int'], ['role', 'text']]);
  const cls = w.table('school_class', [['school_id', 'int'], ['id', 'int'], ['year_id', 'int'], ['grade', 'smallint'], ['letter', 'text'], ['class_teacher_id', 'int']]);
  const pupil = w.table('pupil', [['school_id', 'int'], ['id', 'int'], ['last_name', 'text'], ['first_name', 'text'], ['middle_name', 'text'], ['birth_date', 'date'], ['gender', 'text'], ['user_id', 'int']]);
  const enrollment = w.table('enrollment', [['school_id', 'int'], ['id', 'int'], ['pupil_id', 'int'], ['class_id', 'int'], ['from_date', 'date'], ['to_date', 'date'], ['arrival_order', 'text'], ['departure_order', 'text']]);
  const guardian = w.table('guardian', [['school_id', 'int'], ['id', 'int'], ['last_name', 'text'], ['first_name', 'text'], ['middle_name', 'text'], ['phone', 'text'], ['user_id', 'int']]);
  const pg = w.table('pupil_guardian', [['school_id', 'int'], ['pupil_id', 'int'], ['guardian_id', 'int'], ['relation', 'text']]);
  const subject = w.table('subject', [['school_id', 'int'], ['id', 'int'], ['name', 'text'], ['short_name', 'text']]);
  const plan = w.table('curriculum', [['school_id', 'int'], ['year_id', 'int'], ['grade', 'smallint'], ['subject_id', 'int'], ['hours_per_week', 'numeric']]);
  const group = w.table('class_group', [['school_id', 'int'], ['id', 'int'], ['class_id', 'int'], ['name', 'text']]);
  const member = w.table('group_member', [['school_id', 'int'], ['group_id', 'int'], ['pupil_id', 'int']]);
  const page = w.table('journal_page', [['school_id', 'int'], ['id', 'int'], ['year_id', 'int'], ['class_id', 'int'], ['group_id', 'int'], ['subject_id', 'int'], ['teacher_id', 'int'], ['hours_per_week', 'numeric'], ['scale_code', 'text']]);
  const entry = w.table('timetable_entry', [['school_id', 'int'], ['id', 'int'], ['page_id', 'int'], ['weekday', 'smallint'], ['period', 'smallint'], ['room', 'text'], ['valid_from', 'date']]);

  const rooms = roomsOf(m);
  for (const s of m.staff) {
    staff.add(sid, s.userId, s.position);
    for (const role of s.roles) staffRole.add(sid, s.userId, role);
  }
  const guardianIds = new Map<GuardianSpec, number>();
  for (const k of m.classes) {
    cls.add(sid, k.id, m.yearId, k.grade, k.letter, k.classTeacherId);
    for (const p of k.pupils) {
      pupil.add(sid, p.id, p.name.lastName, p.name.firstName, p.name.middleName, p.birthDate, p.gender, p.userId);
      enrollment.add(sid, ids.next('enrollment'), p.id, k.id, p.from, p.to, p.arrivalOrder, p.departureOrder);
      for (const g of p.family.guardians) {
        let gid = guardianIds.get(g);
        if (gid === undefined) {
          gid = ids.next('guardian');
          guardianIds.set(g, gid);
          guardian.add(sid, gid, g.name.lastName, g.name.firstName, g.name.middleName, g.phone, g.userId);
        }
        pg.add(sid, p.id, gid, g.relation);
      }
    }
  }
  for (const [name, id] of m.subjects) subject.add(sid, id, name, SUBJECTS[name]?.short ?? name);
  for (const grade of new Set(m.classes.map((k) => k.grade))) {
    for (const item of curriculumFor(grade)) plan.add(sid, m.yearId, grade, m.subjects.get(item.subject), item.hours);
  }
  for (const k of m.classes) {
    if (!k.groupIds) continue;
    k.groupIds.forEach((gid, i) => {
      group.add(sid, gid, k.id, i === 0 ? 'I група' : 'II група');
      for (const p of k.pupils) if (p.group === i + 1) member.add(sid, gid, p.id);
    });
  }
  const groupOf = new Map(m.classes.map((k) => [k.id, k.groupIds]));
  for (const p of m.pages) {
    const gid = p.groupIndex === 0 ? null : (groupOf.get(p.classId)?.[p.groupIndex - 1] ?? null);
    page.add(sid, p.id, m.yearId, p.classId, gid, p.subjectId, p.teacherId, p.hours, p.scale);
    for (const slot of p.slots) entry.add(sid, ids.next('timetable_entry'), p.id, Math.floor(slot / 10), slot % 10, rooms.get(p.teacherId) ?? '', m.calendar.startsOn);
  }
  await w.flush();
  await writeConsents(c, m, guardianIds);
}

/**
 * Consent to the online journal, given electronically by the guardians who have accounts
 * (the domain: a pupil without consent gets no account; ours never have one without it).
 */
async function writeConsents(c: Client, m: SchoolModel, guardianIds: Map<GuardianSpec, number>): Promise<void> {
  const cols: [number[], number[], string[], string[], number[]] = [[], [], [], [], []];
  for (const k of m.classes) {
    for (const p of k.pupils) {
      for (const g of p.family.guardians) {
        const gid = guardianIds.get(g);
        if (g.userId === null || gid === undefined) continue;
        const day = p.from > m.calendar.startsOn ? p.from : addDays(m.calendar.startsOn, -3);
        cols[0].push(p.id);
        cols[1].push(gid);
        cols[2].push(day);
        cols[3].push(kyivTime(day, 19 * 60));
        cols[4].push(g.userId);
      }
    }
  }
  // the purposes are the notice's own, copied into each record as the consent module does
  await c.query(
    `INSERT INTO consent_record (school_id, pupil_id, guardian_id, scope, purposes, notice_id, action, channel, signed_on, recorded_at, recorded_by)
     SELECT $1, u.p, u.g, 'online_journal', n.purposes, n.id, 'given', 'electronic', u.d, u.r, u.b
       FROM unnest($2::int[], $3::int[], $4::date[], $5::timestamptz[], $6::int[]) AS u(p, g, d, r, b)
       CROSS JOIN (SELECT id, purposes FROM privacy_notice WHERE city_id IS NULL AND school_id IS NULL AND scope = 'online_journal'
                   ORDER BY version DESC LIMIT 1) n`,
    [m.info.id, ...cols],
  );
}
