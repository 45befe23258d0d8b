import ExcelJS from 'exceljs';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';

/** An XLSX file (base64) with these rows, as a teacher's plan spreadsheet: titles, headers, unit headings, lessons. */
export async function xlsx(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('КТП');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** A CSV file (base64, UTF-8). */
export const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Last year's 7-А (2024/2025, closed) with an algebra page taught by teacherId and a plan of its
 * first semester: one unit, «Повторення» (2 hours, dated) and «Многочлени». Returns the page.
 */
export async function buildLastYearPlan(db: Database, schoolId: number, teacherId: number): Promise<number> {
  return withSystem(db, async (c) => {
    const y = (
      await c.query(`INSERT INTO school_year (school_id, name, starts_on, ends_on, status) VALUES ($1, '2024/2025', '2024-09-01', '2025-06-30', 'open') RETURNING id`, [
        schoolId,
      ])
    ).rows[0].id;
    await c.query(`INSERT INTO semester (school_id, year_id, number, starts_on, ends_on) VALUES ($1, $2, 1, '2024-09-01', '2024-12-24')`, [schoolId, y]);
    const k = (await c.query(`INSERT INTO school_class (school_id, year_id, grade, letter) VALUES ($1, $2, 7, 'А') RETURNING id`, [schoolId, y])).rows[0].id;
    const subject = (await c.query(`SELECT id FROM subject WHERE school_id = $1 AND name = 'Алгебра'`, [schoolId])).rows[0].id;
    const p = (
      await c.query(`INSERT INTO journal_page (school_id, year_id, class_id, subject_id, teacher_id, hours_per_week, scale_code) VALUES ($1, $2, $3, $4, $5, 2, 'points12') RETURNING id`, [
        schoolId,
        y,
        k,
        subject,
        teacherId,
      ])
    ).rows[0].id;
    const plan = (await c.query(`INSERT INTO lesson_plan (school_id, page_id, semester) VALUES ($1, $2, 1) RETURNING id`, [schoolId, p])).rows[0].id;
    const unit = (await c.query(`INSERT INTO plan_unit (school_id, plan_id, position, title) VALUES ($1, $2, 1, 'Минулорічний розділ') RETURNING id`, [schoolId, plan])).rows[0].id;
    await c.query(
      `INSERT INTO plan_item (school_id, plan_id, unit_id, position, topic, hours, planned_date) VALUES ($1, $2, $3, 1, 'Повторення', 2, '2024-09-03'), ($1, $2, $3, 2, 'Многочлени', 1, NULL)`,
      [schoolId, plan, unit],
    );
    await c.query(`UPDATE school_year SET status = 'closed' WHERE id = $1`, [y]);
    return p;
  });
}
