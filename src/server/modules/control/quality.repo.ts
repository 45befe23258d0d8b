import type { TQualityCounts, TQualityKind } from '../../../shared/api/control.js';
import type { Client } from '../../db/tenancy.js';

export interface QualityScope {
  schoolIds: number[];
  from: string;
  effectiveTo: string;
  today: string;
  timeZone: string;
}

/**
 * Data-quality flags ($1 school ids, $2 from, $3 effective to, $4 today, $5 time zone):
 * a mark given to a pupil marked absent; entries on lessons dated after today (an entry sets
 * first_entry_at, so no cell scan is needed); the same non-empty topic on 3+ lessons of a page
 * within the period and the four weeks before it, one of them in the period (a topic repeated
 * months apart is usually a real revision lesson); extra lessons (outside the timetable); late
 * corrections. Partial indexes of migration 031 keep the rare rows cheap to find.
 */
const FLAGS = `
pg AS (
  SELECT jp.school_id, jp.id, jp.class_id, jp.group_id, jp.subject_id, jp.teacher_id
  FROM journal_page jp JOIN school_year y ON y.school_id = jp.school_id AND y.id = jp.year_id
  WHERE jp.school_id = ANY($1::int[]) AND y.starts_on <= $3::date AND y.ends_on >= $2::date
),
-- the rare cells first (partial index of migration 031), then their lessons: starting from the
-- lessons read every lesson of the period (0.9 s for a city of 40 schools and a quarter)
absent_marked AS MATERIALIZED (
  SELECT jc.school_id, jc.lesson_id, jc.pupil_id, jc.mark FROM journal_cell jc
  WHERE jc.school_id = ANY($1::int[]) AND jc.absent AND jc.mark <> ''
),
flags AS (
  SELECT 'mark_while_absent' AS kind, l.school_id, l.page_id, l.id AS lesson_id, l.lesson_date AS day, jc.pupil_id, jc.mark AS detail
  FROM absent_marked jc
  JOIN lesson l ON l.school_id = jc.school_id AND l.id = jc.lesson_id AND l.lesson_date BETWEEN $2::date AND $3::date
  JOIN pg ON pg.school_id = l.school_id AND pg.id = l.page_id
  UNION ALL
  -- any page of the school: an entry after today is wrong whatever the year
  SELECT 'future_entry', l.school_id, l.page_id, l.id, l.lesson_date, NULL, l.topic
  FROM lesson l
  WHERE l.school_id = ANY($1::int[]) AND l.lesson_date > $4::date AND NOT l.cancelled
    AND (l.first_entry_at IS NOT NULL OR l.topic <> '' OR l.homework <> '' OR l.attendance_taken)
  UNION ALL
  SELECT 'pasted_topic', t.school_id, t.page_id,
         -- the first lesson of the period with the topic: only the list of flags reads it (a column
         -- nobody reads is not computed), counting ordered arrays per topic cost 300 ms a city quarter
         (SELECT l.id FROM lesson l
          WHERE l.school_id = t.school_id AND l.page_id = t.page_id AND l.lesson_date BETWEEN $2::date AND $3::date
            AND NOT l.cancelled AND l.topic COLLATE "C" = t.topic
          ORDER BY l.lesson_date, l.period LIMIT 1),
         t.day, NULL, t.topic || ' (×' || t.n || ')'
  FROM (
    SELECT l.school_id, l.page_id, l.topic, count(*) AS n, min(l.lesson_date) FILTER (WHERE l.lesson_date >= $2::date) AS day
    FROM (
      -- byte order ("C"): only equality matters here, and it is much cheaper than Ukrainian collation;
      -- no join with the pages: a page with a lesson in the period (HAVING below) is of a year
      -- that overlaps it (joining cost 90 ms of 570 for a city's quarter)
      SELECT l.school_id, l.page_id, l.lesson_date, l.topic COLLATE "C" AS topic
      FROM lesson l
      WHERE l.school_id = ANY($1::int[]) AND l.lesson_date BETWEEN $2::date - 28 AND $3::date AND l.topic <> '' AND NOT l.cancelled
    ) l
    GROUP BY l.school_id, l.page_id, l.topic
    HAVING count(*) >= 3 AND max(l.lesson_date) >= $2::date
  ) t
  UNION ALL
  SELECT 'extra_lesson', l.school_id, l.page_id, l.id, l.lesson_date, NULL, l.topic
  FROM pg JOIN lesson l ON l.school_id = pg.school_id AND l.page_id = pg.id AND l.lesson_date BETWEEN $2::date AND $3::date
  WHERE l.kind = 'extra' AND NOT l.cancelled
  UNION ALL
  SELECT 'late_correction', h.school_id, h.page_id, h.lesson_id, (h.at AT TIME ZONE $5::text)::date, h.pupil_id,
         h.field || ': ' || COALESCE(NULLIF(h.old_value, ''), '—') || ' → ' || COALESCE(NULLIF(h.new_value, ''), '—')
  FROM journal_change h JOIN pg ON pg.school_id = h.school_id AND pg.id = h.page_id
  WHERE h.school_id = ANY($1::int[]) AND h.late
    AND h.at >= ($2::date)::timestamp AT TIME ZONE $5::text AND h.at < ($3::date + 1)::timestamp AT TIME ZONE $5::text
)`;

const params = (s: QualityScope) => [s.schoolIds, s.from, s.effectiveTo, s.today, s.timeZone];

export const EMPTY_QUALITY: TQualityCounts = { mark_while_absent: 0, future_entry: 0, pasted_topic: 0, extra_lesson: 0, late_correction: 0 };

/** Flag counts per school and kind. */
export async function qualityCounts(c: Client, scope: QualityScope): Promise<Map<number, TQualityCounts>> {
  const r = await c.query<{ schoolId: number; kind: TQualityKind; n: number }>(
    `WITH ${FLAGS} SELECT school_id AS "schoolId", kind, count(*)::int AS n FROM flags GROUP BY school_id, kind`,
    params(scope),
  );
  const out = new Map<number, TQualityCounts>();
  for (const row of r.rows) {
    const counts = out.get(row.schoolId) ?? { ...EMPTY_QUALITY };
    counts[row.kind] = row.n;
    out.set(row.schoolId, counts);
  }
  return out;
}

export interface QualityRow {
  kind: TQualityKind;
  pageId: number;
  pageLabel: string;
  teacherName: string;
  lessonId: number | null;
  date: string | null;
  pupilId: number | null;
  pupilName: string | null;
  detail: string;
}

/** The flags themselves with their pages, teachers and pupils (school use only). */
export async function qualityRows(c: Client, scope: QualityScope, kind: TQualityKind | undefined, limit: number): Promise<QualityRow[]> {
  const r = await c.query<QualityRow>(
    `WITH ${FLAGS}
     SELECT f.kind, f.page_id AS "pageId", k.grade || '-' || k.letter || ' ' || s.name || COALESCE(' (' || g.name || ')', '') AS "pageLabel",
            COALESCE(trim(u.last_name || ' ' || u.first_name || ' ' || u.middle_name), '') AS "teacherName",
            f.lesson_id AS "lessonId", f.day AS date, f.pupil_id AS "pupilId",
            CASE WHEN p.id IS NULL THEN NULL ELSE p.last_name || ' ' || p.first_name END AS "pupilName", f.detail
     FROM flags f
     JOIN journal_page pg ON pg.school_id = f.school_id AND pg.id = f.page_id
     JOIN school_class k ON k.school_id = pg.school_id AND k.id = pg.class_id
     JOIN subject s ON s.school_id = pg.school_id AND s.id = pg.subject_id
     LEFT JOIN class_group g ON g.school_id = pg.school_id AND g.id = pg.group_id
     LEFT JOIN app_user u ON u.id = pg.teacher_id
     LEFT JOIN pupil p ON p.school_id = f.school_id AND p.id = f.pupil_id
     WHERE $6::text IS NULL OR f.kind = $6::text
     ORDER BY f.kind, f.day, k.grade, k.letter, s.name, f.lesson_id
     LIMIT $7::int`,
    [...params(scope), kind ?? null, limit],
  );
  return r.rows;
}

/** Late corrections not yet reviewed by the head (all time). */
export async function pendingLateChanges(c: Client, schoolId: number): Promise<number> {
  const r = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_change WHERE school_id = $1 AND late AND reviewed_at IS NULL', [schoolId]);
  return r.rows[0].n;
}
