/**
 * node --import tsx bench/archive.ts [--classes 30] [--engine pg|pglite]
 * Archives one school's full year (2025/26 from the demo generator, grown to N classes by
 * copying classes with all their journal data) and prints JSON: seconds, CPU seconds, peak RSS,
 * PDF pages per second. PostgreSQL by default (BENCH_DATABASE_URL or the local server); with
 * --engine pglite the database runs inside this process, so its memory counts in the peak.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openPglite, openPostgres } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { type Client, withSystem } from '../src/server/db/tenancy.js';
import { buildArchive } from '../src/server/modules/archive/build/build.js';
import { seedDemo } from '../src/server/modules/demo/index.js';
import { ensureBenchDatabase } from './setup.js';

const { values } = parseArgs({ options: { classes: { type: 'string', default: '30' }, engine: { type: 'string', default: 'pg' } } });
const targetClasses = Number(values.classes);
const spec = { schools: 1, seed: 1, yearStart: 2025, today: '2026-06-30' };
const log = (m: string) => console.error(`[bench:archive] ${m}`);
const LETTERS = ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'Є', 'Ж', 'З', 'И'];

/** Copies one class with its pupils, groups, pages, lessons, marks, summary marks and history under new ids. */
async function copyClass(c: Client, schoolId: number, classId: number, letter: string): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => c.query(sql, params);
  const max = async (t: string) => Number((await q(`SELECT COALESCE(max(id), 0) AS m FROM ${t}`)).rows[0].m);
  const o = { pupil: await max('pupil'), klass: await max('school_class'), group: await max('class_group'), page: await max('journal_page'), lesson: await max('lesson'), column: await max('summary_column'), enrol: await max('enrollment'), change: await max('journal_change') };
  const newClass = o.klass + 1;
  await q(`INSERT INTO school_class (school_id, id, year_id, grade, letter, class_teacher_id) SELECT school_id, $3, year_id, grade, $4, class_teacher_id FROM school_class WHERE school_id = $1 AND id = $2`, [schoolId, classId, newClass, letter]);
  await q(`INSERT INTO pupil (school_id, id, last_name, first_name, middle_name, birth_date) SELECT DISTINCT p.school_id, p.id + $3, p.last_name, p.first_name, p.middle_name, p.birth_date
           FROM pupil p JOIN enrollment e ON e.school_id = p.school_id AND e.pupil_id = p.id AND e.class_id = $2 WHERE p.school_id = $1`, [schoolId, classId, o.pupil]);
  await q(`INSERT INTO enrollment (school_id, id, pupil_id, class_id, from_date, to_date, arrival_order, departure_order)
           SELECT school_id, id + $4, pupil_id + $3, $5, from_date, to_date, arrival_order, departure_order FROM enrollment WHERE school_id = $1 AND class_id = $2`, [schoolId, classId, o.pupil, o.enrol, newClass]);
  await q(`INSERT INTO class_group (school_id, id, class_id, name) SELECT school_id, id + $3, $4, name FROM class_group WHERE school_id = $1 AND class_id = $2`, [schoolId, classId, o.group, newClass]);
  await q(`INSERT INTO group_member (school_id, group_id, pupil_id) SELECT gm.school_id, gm.group_id + $3, gm.pupil_id + $4 FROM group_member gm
           JOIN class_group g ON g.school_id = gm.school_id AND g.id = gm.group_id AND g.class_id = $2 WHERE gm.school_id = $1`, [schoolId, classId, o.group, o.pupil]);
  await q(`INSERT INTO journal_page (school_id, id, year_id, class_id, group_id, subject_id, teacher_id, hours_per_week, scale_code)
           SELECT school_id, id + $3, year_id, $4, group_id + $5, subject_id, teacher_id, hours_per_week, scale_code FROM journal_page WHERE school_id = $1 AND class_id = $2`, [schoolId, classId, o.page, newClass, o.group]);
  const pages = `(SELECT id FROM journal_page WHERE school_id = $1 AND class_id = $2)`;
  await q(`INSERT INTO lesson (school_id, id, page_id, lesson_date, period, topic, homework, remote, kind, cancelled, substitute_id, attendance_taken, first_entry_at)
           SELECT school_id, id + $3, page_id + $4, lesson_date, period, topic, homework, remote, kind, cancelled, substitute_id, attendance_taken, first_entry_at
           FROM lesson WHERE school_id = $1 AND page_id IN ${pages}`, [schoolId, classId, o.lesson, o.page]);
  await q(`INSERT INTO journal_cell (school_id, lesson_id, pupil_id, mark, absent) SELECT jc.school_id, jc.lesson_id + $3, jc.pupil_id + $4, jc.mark, jc.absent
           FROM journal_cell jc JOIN lesson l ON l.school_id = jc.school_id AND l.id = jc.lesson_id WHERE jc.school_id = $1 AND l.page_id IN ${pages}`, [schoolId, classId, o.lesson, o.pupil]);
  await q(`INSERT INTO summary_column (school_id, id, page_id, kind, semester, title, after_date, position)
           SELECT school_id, id + $3, page_id + $4, kind, semester, title, after_date, position FROM summary_column WHERE school_id = $1 AND page_id IN ${pages}`, [schoolId, classId, o.column, o.page]);
  await q(`INSERT INTO summary_mark (school_id, column_id, pupil_id, mark) SELECT sm.school_id, sm.column_id + $3, sm.pupil_id + $4, sm.mark
           FROM summary_mark sm JOIN summary_column sc ON sc.school_id = sm.school_id AND sc.id = sm.column_id WHERE sm.school_id = $1 AND sc.page_id IN ${pages}`, [schoolId, classId, o.column, o.pupil]);
  await q(`INSERT INTO journal_change (school_id, id, at, user_id, page_id, lesson_id, column_id, pupil_id, field, old_value, new_value, reason, late)
           SELECT school_id, id + $3, at, user_id, page_id + $4, lesson_id + $5, column_id + $6, pupil_id + $7, field, old_value, new_value, reason, late
           FROM journal_change WHERE school_id = $1 AND page_id IN ${pages}`, [schoolId, classId, o.change, o.page, o.lesson, o.column, o.pupil]);
  for (const t of ['pupil', 'school_class', 'class_group', 'journal_page', 'lesson', 'summary_column', 'enrollment', 'journal_change']) {
    await q(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  }
}

/** Grows the school to n classes (copies of its classes under free letters), once; closes its year. */
async function prepare(db: Database): Promise<{ schoolId: number; yearId: number; head: number }> {
  const { schoolId, yearId, head } = (
    await db.pool.query(
      `SELECT s.id AS "schoolId", (SELECT id FROM school_year WHERE school_id = s.id ORDER BY starts_on LIMIT 1) AS "yearId",
              (SELECT user_id FROM staff_role WHERE school_id = s.id AND role = 'head' LIMIT 1) AS head FROM school s ORDER BY s.id LIMIT 1`,
    )
  ).rows[0];
  await withSystem(db, async (c) => {
    const classes = (await c.query('SELECT id, grade, letter FROM school_class WHERE school_id = $1 AND year_id = $2 ORDER BY grade, letter', [schoolId, yearId])).rows;
    // an earlier run with fewer classes (npm run bench -- --quick --only archive) closed the year:
    // reopen it to grow the school, it is closed again below
    if (classes.length < targetClasses) await c.query(`UPDATE school_year SET status = 'open' WHERE school_id = $1 AND id = $2 AND status = 'closed'`, [schoolId, yearId]);
    const originals = [...classes];
    for (let i = 0; classes.length < targetClasses && i < originals.length * 8; i++) {
      const k = originals[i % originals.length];
      const letter = LETTERS.find((l) => !classes.some((x) => x.grade === k.grade && x.letter === l));
      if (!letter) continue;
      await copyClass(c, schoolId, k.id, letter);
      classes.push({ id: -1, grade: k.grade, letter });
    }
    await c.query(`UPDATE school_year SET status = 'closed', closed_at = now() WHERE school_id = $1 AND id = $2 AND status = 'open'`, [schoolId, yearId]);
  });
  if (db.engine === 'postgres') await db.pool.query('ANALYZE');
  return { schoolId, yearId, head };
}

async function open(): Promise<{ db: Database; cleanup: () => void }> {
  if (values.engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'klasnyi-bench-archive-'));
    const db = await openPglite({ dataDir });
    await migrate(db);
    log('generating the demo school on PGlite (about a minute)');
    await seedDemo(db, { ...spec, onProgress: log });
    return { db, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await ensureBenchDatabase(adminUrl, 'klasnyi_bench_archive', spec, log);
  return { db: openPostgres(url, 4), cleanup: () => undefined };
}

async function main(): Promise<void> {
  const { db, cleanup } = await open();
  const archiveDir = mkdtempSync(join(tmpdir(), 'klasnyi-bench-archive-out-'));
  try {
    const { schoolId, yearId, head } = await prepare(db);
    const size = (
      await db.pool.query(
        `SELECT (SELECT count(*) FROM school_class WHERE school_id = $1 AND year_id = $2)::int AS classes,
                (SELECT count(*) FROM journal_page WHERE school_id = $1 AND year_id = $2)::int AS pages,
                (SELECT count(*) FROM lesson l JOIN journal_page p ON p.school_id = l.school_id AND p.id = l.page_id WHERE p.school_id = $1 AND p.year_id = $2)::int AS lessons,
                (SELECT count(*) FROM journal_cell WHERE school_id = $1)::int AS cells`,
        [schoolId, yearId],
      )
    ).rows[0];
    log(`archiving ${size.classes} classes, ${size.pages} journal pages, ${size.lessons} lessons, ${size.cells} cells`);
    await db.pool.query('DELETE FROM archive_signature WHERE school_id = $1', [schoolId]);
    await db.pool.query('DELETE FROM archive_file WHERE school_id = $1', [schoolId]);
    await db.pool.query('DELETE FROM archive WHERE school_id = $1', [schoolId]);
    const { id } = (await db.pool.query(`INSERT INTO archive (school_id, year_id, dir, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [schoolId, yearId, `${schoolId}/bench`, head])).rows[0];
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await buildArchive(db, { schoolId, userId: head }, id, { archiveDir, retention: { journalYears: 5, summaryYears: 75 } });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const out = {
      scenario: 'archive school year',
      engine: db.engine,
      ...size,
      files: r.files,
      pdfPages: r.pdfPages,
      megabytes: Math.round(r.bytes / 1048576),
      seconds: Math.round(seconds * 10) / 10,
      cpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10,
      pdfPagesPerSecond: Math.round(r.pdfPages / seconds),
      peakRssMb: Math.round(peak / 1048576),
      /** the process before the build (with --engine pglite: the database engine itself) */
      rssBeforeMb: Math.round(before / 1048576),
      target: { seconds: 60, peakRssMb: 500 },
    };
    console.log(JSON.stringify(out));
  } finally {
    await db.close();
    rmSync(archiveDir, { recursive: true, force: true });
    cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
