/**
 * Demo homework files, called with one line by the demo generator after the schools are seeded:
 * the latest mathematics lesson of 5-А with homework, and the latest one of another subject, get
 * a small generated PDF each (the same bytes for the same demo), so the demo family's diary and
 * the teacher's lesson panel show files. Stored in the database, with their history rows.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { tinyPdf } from './sample.js';

interface DemoLesson {
  lessonId: number;
  pageId: number;
  date: string;
  subject: string;
  teacherId: number;
  homework: string;
}

/** Files on two homework lessons of 5-А in the first school. */
export async function seedAttachmentsDemo(db: Database, opts: { schoolId: number; today: string }): Promise<{ attachments: number }> {
  return withSystem(db, async (c) => {
    const r = await c.query<DemoLesson>(
      `SELECT l.id AS "lessonId", l.page_id AS "pageId", l.lesson_date::text AS date, s.name AS subject, jp.teacher_id AS "teacherId", l.homework
       FROM lesson l
       JOIN journal_page jp ON jp.school_id = l.school_id AND jp.id = l.page_id AND jp.group_id IS NULL AND jp.teacher_id IS NOT NULL
       JOIN school_class k ON k.school_id = jp.school_id AND k.id = jp.class_id AND k.grade = 5 AND k.letter = 'А'
       JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id AND y.status = 'open'
       JOIN subject s ON s.school_id = jp.school_id AND s.id = jp.subject_id
       WHERE l.school_id = $1 AND l.homework <> '' AND NOT l.cancelled AND l.lesson_date <= $2::date
       ORDER BY (s.name = 'Математика') DESC, l.lesson_date DESC, l.period, l.id`,
      [opts.schoolId, opts.today],
    );
    const math = r.rows.find((l) => l.subject === 'Математика');
    const other = r.rows.find((l) => l.subject !== 'Математика');
    const picked = [math, other].filter((l): l is DemoLesson => !!l);
    for (const l of picked) {
      const [y, m, d] = l.date.split('-');
      const name = `${l.subject} — завдання на ${d}.${m}.pdf`;
      const bytes = tinyPdf(['Klasnyi: homework sheet', `Lesson of ${d}.${m}.${y}`, 'Do the exercises given in class.', 'Show your working.']);
      const at = `${l.date}T15:30:00+02:00`;
      await c.query(
        `INSERT INTO lesson_attachment (school_id, lesson_id, file_name, media_type, size_bytes, sha256, storage, content, created_by, created_at)
         VALUES ($1, $2, $3, 'application/pdf', $4, $5, 'db', $6, $7, $8)`,
        [opts.schoolId, l.lessonId, name, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, l.teacherId, at],
      );
      await c.query(
        `INSERT INTO journal_change (school_id, at, user_id, page_id, lesson_id, field, old_value, new_value)
         VALUES ($1, $2, $3, $4, $5, 'homework', '', $6)`,
        [opts.schoolId, at, l.teacherId, l.pageId, l.lessonId, `файл «${name}» (${(bytes.length / 1024).toLocaleString('uk-UA', { maximumFractionDigits: 1 })} КБ)`],
      );
    }
    return { attachments: picked.length };
  });
}
