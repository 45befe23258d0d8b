import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARCHIVE_FORMAT } from '../../../../shared/api/archive.js';
import type { Database } from '../../../db/database.js';
import { type TenantContext, withSchool } from '../../../db/tenancy.js';
import { HashChain } from '../chain.js';
import { type Doc, newArchivePdf } from '../pdf/doc.js';
import { renderJournalPage } from '../pdf/journal.js';
import { renderClassbook, renderRemarks, renderSummarySheet, sortPupils } from '../pdf/classbook.js';
import * as repo from '../repo.js';
import { buildManifest, MANIFEST_FILE } from './manifest.js';
import * as data from './data.repo.js';
import { readAttachmentFile } from '../../attachments/storage.js';
import { CSV_BOM, csvLine, FileSink } from './sink.js';

const collator = new Intl.Collator('uk');

export interface BuildOptions {
  archiveDir: string;
  retention: { journalYears: number; summaryYears: number };
  /** ATTACHMENTS_DIR: where attachments kept in a folder (storage 'dir') are read from */
  attachmentsDir?: string;
  /** reports progress (and keeps the job's lock) */
  progress?: (done: number, total: number, message: string) => Promise<void>;
}

export interface BuildResult {
  files: number;
  bytes: number;
  pdfPages: number;
  manifestSha256: string;
  skippedUnits: number;
}

/** A file name safe in every file system and zip reader: no path separators or reserved characters, at most 120 characters. */
export const fileNameOf = (name: string) => name.replace(/[\p{Cc}\\/:*?"<>|]/gu, '_').replace(/^\.+/, '_').slice(-120) || 'file';

/** Folder name of a class inside the archive: zero-padded grade so that 5 sorts before 10. */
export const classDir = (k: { grade: number; letter: string }) => `classes/${String(k.grade).padStart(2, '0')}-${k.letter}`;

/** Retention runs from 1 January after the year ends (the archival rule), for N years. */
export const retainUntil = (yearEndsOn: string, years: number) => `${Number(yearEndsOn.slice(0, 4)) + years}-12-31`;

interface Unit {
  name: string;
  files: string[];
  run: () => Promise<void>;
}

type Written = Omit<repo.FileRow, 'retentionYears' | 'retainUntil'>;

/**
 * Builds (or resumes) one archive: the school file, then per class the journal (PDF/A, JSON,
 * CSV), the class teacher's pages, the summary sheet and the remarks, then the hash-chained
 * history, then the manifest. A unit whose files are all recorded and on disk is skipped, so
 * a build that died goes on where it stopped. Journal pages pass one at a time.
 */
export async function buildArchive(db: Database, ctx: TenantContext, archiveId: number, opts: BuildOptions): Promise<BuildResult> {
  const q = <T>(fn: Parameters<typeof withSchool<T>>[2]) => withSchool(db, ctx, fn);
  const archive = await q((c) => repo.archive(c, ctx.schoolId, archiveId));
  if (!archive) throw new Error(`archive ${archiveId} not found`);
  const info = await q((c) => data.archiveYear(c, ctx.schoolId, archive.yearId));
  if (info?.year.status !== 'closed') throw new Error('the school year is not closed');
  const root = join(opts.archiveDir, archive.dir);
  const classes = await q((c) => data.yearClasses(c, ctx.schoolId, archive.yearId));
  const withRemarks = await q((c) => data.hasRemarks(c));
  const attachments = await q((c) => data.yearAttachments(c, ctx.schoolId, archive.yearId));
  const recorded = new Map((await q((c) => repo.files(c, ctx.schoolId, archiveId))).map((f) => [f.path, f]));
  const header = { format: ARCHIVE_FORMAT, school: info.school, year: info.year };

  const record = async (f: Written) => {
    // the school's data (classes, calendar) is needed to read the summary sheets, so it is kept as long
    const years = f.kind.startsWith('summary-sheet') || f.kind === 'school' ? opts.retention.summaryYears : opts.retention.journalYears;
    const row = { ...f, retentionYears: years, retainUntil: retainUntil(info.year.endsOn, years) };
    await q((c) => repo.recordFile(c, ctx.schoolId, archiveId, row));
    recorded.set(f.path, row);
  };
  const writeText = async (path: string, kind: string, classId: number | null, parts: AsyncIterable<string> | string[]) => {
    const sink = new FileSink(join(root, path));
    for await (const p of parts) await sink.write(p);
    const w = await sink.close();
    await record({ path, kind, classId, ...w, pdfPages: 0, chainHead: null });
  };
  const writePdf = async (path: string, kind: string, classId: number, title: string, draw: (doc: Doc) => Promise<void> | void) => {
    const { doc, pages } = newArchivePdf({ title, subject: `${info.school.name}, ${info.year.name} н. р.`, author: info.school.name });
    const sink = new FileSink(join(root, path));
    const drained = sink.drain(doc);
    await draw(doc);
    if (pages() === 0) doc.addPage();
    doc.end();
    await drained;
    const w = await sink.close();
    await record({ path, kind, classId, ...w, pdfPages: pages(), chainHead: null });
  };

  const units: Unit[] = [
    {
      name: 'відомості про школу',
      files: ['school.json'],
      run: () =>
        writeText('school.json', 'school', null, [
          `${JSON.stringify({ ...header, kind: 'school', semesters: info.semesters, calendar: info.calendar, classes: classes.map((k) => ({ id: k.id, label: k.label, classTeacher: k.classTeacher })) }, null, 1)}\n`,
        ]),
    },
  ];
  for (const k of classes) {
    const dir = classDir(k);
    const cls = { id: k.id, label: k.label, grade: k.grade, letter: k.letter, classTeacher: k.classTeacher };
    const cctx = { schoolName: info.school.name, yearName: info.year.name, classLabel: k.label, classTeacher: k.classTeacher, semesters: info.semesters };
    const pagesOf = async () =>
      (await q((c) => data.classPages(c, ctx.schoolId, k.id))).sort((a, b) => collator.compare(a.subject, b.subject) || collator.compare(a.group ?? '', b.group ?? ''));
    units.push({
      name: `${k.label}: журнал`,
      files: [`${dir}/journal.pdf`, `${dir}/journal.json`, `${dir}/lessons.csv`, `${dir}/marks.csv`],
      run: async () => {
        const pages = await pagesOf();
        const json = new FileSink(join(root, dir, 'journal.json'));
        const lessonsCsv = new FileSink(join(root, dir, 'lessons.csv'));
        const marksCsv = new FileSink(join(root, dir, 'marks.csv'));
        await json.write(`${JSON.stringify({ ...header, kind: 'journal', class: cls }).slice(0, -1)},"pages":[\n`);
        await lessonsCsv.write(CSV_BOM + csvLine(['page_id', 'subject', 'group', 'lesson_id', 'date', 'period', 'topic', 'homework', 'remote', 'kind', 'cancelled', 'substitute']));
        await marksCsv.write(CSV_BOM + csvLine(['page_id', 'subject', 'group', 'entry', 'ref_id', 'date_or_title', 'pupil_id', 'pupil', 'mark', 'absent']));
        let first = true;
        await writePdf(`${dir}/journal.pdf`, 'journal', k.id, `Класний журнал ${k.label}, ${info.year.name} н. р.`, async (doc) => {
          for (const page of pages) {
            // one page of the journal in memory at a time
            const d = await q((c) => data.pageData(c, ctx.schoolId, page.id, info.year.startsOn, info.year.endsOn));
            renderJournalPage(doc, page, d, { schoolName: info.school.name, yearName: info.year.name, classLabel: k.label, yearEndsOn: info.year.endsOn, semesters: info.semesters });
            await json.write(`${first ? '' : ',\n'}${JSON.stringify({ ...page, ...d })}`);
            first = false;
            const names = new Map(d.pupils.map((p) => [p.id, p.name]));
            const lessonDates = new Map(d.lessons.map((l) => [l.id, l.date]));
            const titles = new Map(d.columns.map((col) => [col.id, col]));
            const base = [page.id, page.subject, page.group ?? ''];
            for (const l of d.lessons) {
              await lessonsCsv.write(csvLine([...base, l.id, l.date, l.period, l.topic, l.homework, l.remote, l.kind, l.cancelled, l.substitute ?? '']));
            }
            for (const [lessonId, pupilId, mark, absent] of d.cells) {
              await marksCsv.write(csvLine([...base, 'lesson', lessonId, lessonDates.get(lessonId), pupilId, names.get(pupilId) ?? '', mark, absent]));
            }
            for (const [columnId, pupilId, mark] of d.summary) {
              const col = titles.get(columnId);
              await marksCsv.write(csvLine([...base, col?.kind ?? '', columnId, col?.title ?? '', pupilId, names.get(pupilId) ?? '', mark, '']));
            }
          }
        });
        await json.write('\n]}\n');
        for (const [sink, path, kind] of [
          [json, 'journal.json', 'journal-data'],
          [lessonsCsv, 'lessons.csv', 'journal-csv'],
          [marksCsv, 'marks.csv', 'journal-csv'],
        ] as const) {
          await record({ path: `${dir}/${path}`, kind, classId: k.id, ...(await sink.close()), pdfPages: 0, chainHead: null });
        }
      },
    });
    units.push({
      name: `${k.label}: сторінки класного керівника`,
      files: [`${dir}/class-teacher.pdf`, `${dir}/class-teacher.json`, `${dir}/pupils.csv`],
      run: async () => {
        const pupils = sortPupils(await q((c) => data.classPupils(c, ctx.schoolId, k.id)));
        const attendance = await q((c) => data.classAttendance(c, ctx.schoolId, k.id, info.year.id));
        const reasons = await q((c) => data.absenceReasons(c, ctx.schoolId, k.id, info.year.startsOn, info.year.endsOn));
        await writePdf(`${dir}/class-teacher.pdf`, 'class-teacher', k.id, `Сторінки класного керівника ${k.label}`, (doc) => renderClassbook(doc, cctx, pupils, attendance, reasons));
        await writeText(`${dir}/class-teacher.json`, 'class-teacher-data', k.id, [
          `${JSON.stringify({ ...header, kind: 'class-teacher', class: cls, pupils, attendance, absenceReasons: reasons })}\n`,
        ]);
        const rows = [CSV_BOM + csvLine(['pupil_id', 'last_name', 'first_name', 'middle_name', 'birth_date', 'from_date', 'to_date', 'arrival_order', 'departure_order'])];
        for (const p of pupils) {
          for (const e of p.enrollments) rows.push(csvLine([p.id, p.lastName, p.firstName, p.middleName, p.birthDate ?? '', e.fromDate, e.toDate ?? '', e.arrivalOrder, e.departureOrder]));
        }
        await writeText(`${dir}/pupils.csv`, 'class-teacher-csv', k.id, rows);
      },
    });
    units.push({
      name: `${k.label}: зведена відомість`,
      files: [`${dir}/summary-sheet.pdf`, `${dir}/summary-sheet.json`, `${dir}/summary-sheet.csv`],
      run: async () => {
        const subjects = (await pagesOf()).map((p) => ({ pageId: p.id, subject: p.subject, group: p.group }));
        const pupils = sortPupils(await q((c) => data.classPupils(c, ctx.schoolId, k.id)));
        const marks = await q((c) => data.summaryMarks(c, ctx.schoolId, k.id));
        await writePdf(`${dir}/summary-sheet.pdf`, 'summary-sheet', k.id, `Зведена відомість ${k.label}, ${info.year.name} н. р.`, (doc) => renderSummarySheet(doc, cctx, subjects, pupils, marks));
        const list = pupils.map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}` }));
        await writeText(`${dir}/summary-sheet.json`, 'summary-sheet-data', k.id, [`${JSON.stringify({ ...header, kind: 'summary-sheet', class: cls, subjects, pupils: list, marks })}\n`]);
        const names = new Map(list.map((p) => [p.id, p.name]));
        const subjectOf = new Map(subjects.map((s) => [s.pageId, s]));
        const rows = [CSV_BOM + csvLine(['pupil_id', 'pupil', 'page_id', 'subject', 'group', 'kind', 'semester', 'mark'])];
        for (const [pageId, pupilId, kind, semester, mark] of marks) {
          rows.push(csvLine([pupilId, names.get(pupilId) ?? '', pageId, subjectOf.get(pageId)?.subject ?? '', subjectOf.get(pageId)?.group ?? '', kind, semester ?? '', mark]));
        }
        await writeText(`${dir}/summary-sheet.csv`, 'summary-sheet-csv', k.id, rows);
      },
    });
    const attached = attachments.filter((a) => a.classId === k.id);
    if (attached.length) {
      const pathOf = (a: data.ArchiveAttachment) => `${dir}/attachments/${a.id}-${fileNameOf(a.name)}`;
      units.push({
        name: `${k.label}: файли до уроків`,
        files: [`${dir}/attachments.json`, ...attached.map(pathOf)],
        run: async () => {
          for (const a of attached) {
            const bytes = a.storage === 'db' ? await q((c) => data.attachmentContent(c, ctx.schoolId, a.id)) : opts.attachmentsDir ? await readAttachmentFile(opts.attachmentsDir, ctx.schoolId, a.sha256) : null;
            if (!bytes) throw new Error(`attachment ${a.id} (${a.name}): its bytes are missing${a.storage === 'dir' ? ' (ATTACHMENTS_DIR)' : ''}`);
            const sink = new FileSink(join(root, pathOf(a)));
            await sink.write(bytes);
            const w = await sink.close();
            // the archive keeps what the teacher attached: the bytes must still be the ones hashed on upload
            if (w.sha256 !== a.sha256) throw new Error(`attachment ${a.id} (${a.name}): its bytes differ from those attached (SHA-256)`);
            await record({ path: pathOf(a), kind: 'attachment', classId: k.id, ...w, pdfPages: 0, chainHead: null });
          }
          // TArchivedAttachments: each file with its lesson, and its place in the class's folder
          const list = attached.map((a) => ({
            id: a.id,
            lessonId: a.lessonId,
            pageId: a.pageId,
            subject: a.subject,
            group: a.group,
            date: a.date,
            name: a.name,
            mediaType: a.mediaType,
            size: a.size,
            sha256: a.sha256,
            file: pathOf(a).slice(dir.length + 1),
          }));
          await writeText(`${dir}/attachments.json`, 'attachments-data', k.id, [`${JSON.stringify({ ...header, kind: 'attachments', class: cls, attachments: list })}\n`]);
        },
      });
    }
    if (withRemarks) {
      units.push({
        name: `${k.label}: зауваження`,
        files: [`${dir}/remarks.pdf`, `${dir}/remarks.json`],
        run: async () => {
          const pages = await pagesOf();
          const subjectOf = new Map(pages.map((p) => [p.id, `${p.subject}${p.group ? ` (${p.group})` : ''}`]));
          const remarks = await q((c) => data.classRemarks(c, ctx.schoolId, k.id));
          await writePdf(`${dir}/remarks.pdf`, 'remarks', k.id, `Зауваження щодо ведення журналу ${k.label}`, (doc) => renderRemarks(doc, cctx, remarks, subjectOf));
          await writeText(`${dir}/remarks.json`, 'remarks-data', k.id, [`${JSON.stringify({ ...header, kind: 'remarks', class: cls, remarks: remarks.map((r) => ({ ...r, subject: subjectOf.get(r.pageId) ?? null })) })}\n`]);
        },
      });
    }
  }
  units.push({
    name: 'історія змін',
    files: classes.map((k) => `${classDir(k)}/history.jsonl`),
    run: () => writeHistory(db, ctx, archive.yearId, root, classes, record),
  });

  let skippedUnits = 0;
  const total = units.length + 1;
  for (const [i, unit] of units.entries()) {
    const done = unit.files.every((f) => {
      const row = recorded.get(f);
      return row && existsSync(join(root, f)) && statSync(join(root, f)).size === Number(row.bytes);
    });
    if (done) skippedUnits++;
    else await unit.run();
    await opts.progress?.(i + 1, total, unit.name);
  }

  // a year reopened while it was being archived may have changed under the build
  const reopened = await q(async (c) =>
    (await c.query(`SELECT 1 FROM school_year_event WHERE school_id = $1 AND year_id = $2 AND action = 'reopen' AND at > $3`, [ctx.schoolId, archive.yearId, archive.createdAt])).rowCount,
  );
  if (reopened) throw new Error('the school year was reopened while it was being archived');
  const all = await q((c) => repo.files(c, ctx.schoolId, archiveId));
  const manifest = buildManifest({ info, archive: { id: archiveId, version: archive.version, createdAt: new Date(archive.createdAt).toISOString() }, files: all });
  const sink = new FileSink(join(root, MANIFEST_FILE));
  await sink.write(manifest);
  const written = await sink.close();
  const result = {
    files: all.length,
    bytes: all.reduce((n, f) => n + Number(f.bytes), 0),
    pdfPages: all.reduce((n, f) => n + f.pdfPages, 0),
    manifestSha256: written.sha256,
  };
  await q((c) => repo.finishArchive(c, ctx.schoolId, archiveId, result));
  await opts.progress?.(total, total, MANIFEST_FILE);
  return { ...result, skippedUnits };
}

/**
 * The change history of every class, in one pass over the year's changes (keyset batches),
 * each class's file a hash chain whose head goes into the manifest.
 */
async function writeHistory(
  db: Database,
  ctx: TenantContext,
  yearId: number,
  root: string,
  classes: data.ArchiveClass[],
  record: (f: Written) => Promise<void>,
): Promise<void> {
  const out = new Map(classes.map((k) => [k.id, { k, sink: new FileSink(join(root, classDir(k), 'history.jsonl')), chain: new HashChain() }]));
  let after = 0;
  for (;;) {
    const batch = await withSchool(db, ctx, (c) => data.historyBatch(c, ctx.schoolId, yearId, after, 5000));
    if (!batch.length) break;
    for (const row of batch) {
      const o = out.get(row.classId);
      if (o) await o.sink.write(o.chain.line({ seq: o.chain.count + 1, ...row.entry }));
    }
    after = batch[batch.length - 1].id;
  }
  for (const { k, sink, chain } of out.values()) {
    const w = await sink.close();
    await record({ path: `${classDir(k)}/history.jsonl`, kind: 'history', classId: k.id, ...w, pdfPages: 0, chainHead: `${chain.head}:${chain.count}` });
  }
}
