/**
 * The pupil-level part of the fill level, done in memory over compact data the database sends in
 * a few set-based statements: who is on a page at a date (enrollments and group members), who has
 * a mark in a page's last N lessons, who has a summative mark. Counting these pairs in SQL cost
 * one index probe per pupil and column (~60,000 a school by May); here it is a set lookup.
 */

/** [school, class, pupil, from, to|null] */
export type EnrollmentRow = [number, number, number, string, string | null];
/** [school, group, pupil] */
export type MemberRow = [number, number, number];
/** [school, page, first day of its last N lessons, pupils with a mark in them] */
export type DensityRow = [number, number, string, number[]];
/** [school, page, column, due date, pupils with a mark] */
export type DueRow = [number, number, number, string, number[]];

export interface PageRef {
  schoolId: number;
  pageId: number;
  classId: number;
  groupId: number | null;
}

export interface Rosters {
  /** 'school:class' -> enrollments */
  enrollments: Map<string, { pupil: number; from: string; to: string | null }[]>;
  /** 'school:group' -> pupils */
  members: Map<string, Set<number>>;
}

export function buildRosters(enrollments: EnrollmentRow[], members: MemberRow[]): Rosters {
  const r: Rosters = { enrollments: new Map(), members: new Map() };
  for (const [school, cls, pupil, from, to] of enrollments) {
    const key = `${school}:${cls}`;
    const list = r.enrollments.get(key) ?? [];
    list.push({ pupil, from, to });
    r.enrollments.set(key, list);
  }
  for (const [school, group, pupil] of members) {
    const key = `${school}:${group}`;
    const set = r.members.get(key) ?? new Set<number>();
    set.add(pupil);
    r.members.set(key, set);
  }
  return r;
}

/** Pupils on a page for the whole of [from, to]: enrolled in its class throughout and, for a group page, in the group. */
export function pupilsOnPage(r: Rosters, page: PageRef, from: string, to: string): Set<number> {
  const group = page.groupId === null ? null : (r.members.get(`${page.schoolId}:${page.groupId}`) ?? new Set<number>());
  const out = new Set<number>();
  for (const e of r.enrollments.get(`${page.schoolId}:${page.classId}`) ?? []) {
    if (e.from <= from && (e.to === null || e.to >= to) && (!group || group.has(e.pupil))) out.add(e.pupil);
  }
  return out;
}

const keyOf = (school: number, page: number) => `${school}:${page}`;

/** Per page: pupils on it for all its last N lessons, and how many of them have no mark there. */
export function densityCounts(r: Rosters, pages: Map<string, PageRef>, rows: DensityRow[], effectiveTo: string) {
  const out = new Map<string, { pupils: number; pupilsWithoutRecentMark: number }>();
  for (const [school, pageId, firstDay, marked] of rows) {
    const page = pages.get(keyOf(school, pageId));
    if (!page) continue;
    const roster = pupilsOnPage(r, page, firstDay, effectiveTo);
    const has = new Set(marked);
    let without = 0;
    for (const p of roster) if (!has.has(p)) without++;
    out.set(keyOf(school, pageId), { pupils: roster.size, pupilsWithoutRecentMark: without });
  }
  return out;
}

/** Per page: summative marks due (pupils on the page at each column's due date) and present. */
export function summativeCounts(r: Rosters, pages: Map<string, PageRef>, rows: DueRow[]) {
  const out = new Map<string, { summativeExpected: number; summativePresent: number }>();
  for (const [school, pageId, , dueOn, marked] of rows) {
    const page = pages.get(keyOf(school, pageId));
    if (!page) continue;
    const roster = pupilsOnPage(r, page, dueOn, dueOn);
    const has = new Set(marked);
    let present = 0;
    for (const p of roster) if (has.has(p)) present++;
    const key = keyOf(school, pageId);
    const c = out.get(key) ?? { summativeExpected: 0, summativePresent: 0 };
    c.summativeExpected += roster.size;
    c.summativePresent += present;
    out.set(key, c);
  }
  return out;
}
