/**
 * The weekly timetable: for each class in turn, a maximum flow puts its lessons into its
 * slots so that no teacher is in two places at once (teachers' slots taken by classes placed
 * earlier, or by another school, are closed) and a subject comes at most once or twice a day.
 * The groups of a split subject are one item with two teachers: they run in parallel.
 */
import { maxPeriods } from './curriculum.js';
import { MaxFlow } from './maxflow.js';
import type { Page, SchoolClass, StaffMember } from './model.js';
import type { Rng } from './random.js';

const DAYS = 5;

interface Item {
  pages: Page[];
  teachers: number[];
  hours: number;
}

export const slotKey = (weekday: number, period: number): number => weekday * 10 + period;

function itemsOf(pages: Page[]): Item[] {
  const items = new Map<string, Item>();
  for (const p of pages) {
    const key = p.groupIndex === 0 ? `page:${p.id}` : `split:${p.subject}`;
    const item = items.get(key) ?? { pages: [], teachers: [], hours: p.hours };
    item.pages.push(p);
    item.teachers.push(p.teacherId);
    items.set(key, item);
  }
  return [...items.values()];
}

/** The class's open slots: periods 1..n each day, the longer days picked at random. */
function classSlots(rng: Rng, hours: number, maxP: number, compact: boolean): number[][] {
  const base = Math.floor(hours / DAYS);
  const longer = new Set(rng.shuffle([1, 2, 3, 4, 5]).slice(0, hours % DAYS));
  const days: number[][] = [];
  for (let d = 1; d <= DAYS; d++) {
    const n = compact ? Math.min(maxP, base + (longer.has(d) ? 1 : 0)) : maxP;
    days.push(Array.from({ length: n }, (_, i) => i + 1));
  }
  return days;
}

/** Tries to place one class; on success writes page slots and marks teachers busy. */
function placeClass(rng: Rng, items: Item[], slots: number[][], dayCapExtra: number, busy: Map<number, Set<number>>): boolean {
  const total = items.reduce((a, i) => a + i.hours, 0);
  const slotIndex: number[] = [];
  for (let d = 1; d <= DAYS; d++) for (const p of slots[d - 1] ?? []) slotIndex.push(slotKey(d, p));
  const source = 0;
  const sink = 1;
  const itemNode = (i: number) => 2 + i;
  const dayNode = (i: number, d: number) => 2 + items.length + i * DAYS + (d - 1);
  const slotNode = (s: number) => 2 + items.length * (1 + DAYS) + s;
  const flow = new MaxFlow(2 + items.length * (1 + DAYS) + slotIndex.length);
  const placements: { edge: number; item: Item; slot: number }[] = [];
  items.forEach((item, i) => {
    flow.addEdge(source, itemNode(i), item.hours);
    const cap = (item.hours <= DAYS ? 1 : 2) + dayCapExtra;
    for (let d = 1; d <= DAYS; d++) {
      flow.addEdge(itemNode(i), dayNode(i, d), cap);
      for (const s of rng.shuffle(slotIndex.map((_, k) => k))) {
        const key = slotIndex[s] as number;
        if (Math.floor(key / 10) !== d) continue;
        if (item.teachers.some((t) => busy.get(t)?.has(key))) continue;
        placements.push({ edge: flow.addEdge(dayNode(i, d), slotNode(s), 1), item, slot: key });
      }
    }
  });
  for (let s = 0; s < slotIndex.length; s++) flow.addEdge(slotNode(s), sink, 1);
  if (flow.run(source, sink) < total) return false;
  for (const p of placements) {
    if (flow.flowOf(p.edge) === 0) continue;
    for (const page of p.item.pages) page.slots.push(p.slot);
    for (const t of p.item.teachers) busy.get(t)?.add(p.slot);
  }
  return true;
}

/** One attempt over the whole school; false when some class could not be placed. */
function attempt(rng: Rng, classes: SchoolClass[], pages: Page[], busy: Map<number, Set<number>>, allowGaps: boolean): boolean {
  const byClass = new Map<number, Page[]>();
  for (const p of pages) byClass.set(p.classId, [...(byClass.get(p.classId) ?? []), p]);
  // senior classes first: their teachers are shared by most classes
  const order = rng.shuffle(classes).sort((a, b) => b.grade - a.grade);
  for (const cls of order) {
    const items = itemsOf(byClass.get(cls.id) ?? []).sort((a, b) => b.teachers.length - a.teachers.length);
    const hours = items.reduce((a, i) => a + i.hours, 0);
    const tries: [boolean, number][] = allowGaps ? [[true, 0], [true, 1], [false, 0], [false, 1], [false, 2]] : [[true, 0], [true, 1]];
    const placed = tries.some(([compact, extra]) => placeClass(rng, items, classSlots(rng, hours, maxPeriods(cls.grade), compact), extra, busy));
    if (!placed) return false;
  }
  return true;
}

/**
 * Fills page.slots for every page and the teachers' busy slots. Restarts with another class
 * order when a class cannot be placed; teachers' slots taken elsewhere stay closed. Classes'
 * days have no gaps unless ten orders failed, then a class may have a free period ("вікно").
 */
export function buildTimetable(rng: Rng, classes: SchoolClass[], pages: Page[], staff: StaffMember[]): void {
  for (let round = 0; round < 20; round++) {
    const busy = new Map(staff.map((s) => [s.userId, new Set(s.busy)]));
    for (const p of pages) p.slots = [];
    if (attempt(rng.fork(round), classes, pages, busy, round >= 10)) {
      for (const s of staff) for (const key of busy.get(s.userId) ?? []) s.busy.add(key);
      return;
    }
  }
  throw new Error('no clash-free timetable found for the demo school');
}
