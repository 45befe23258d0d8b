import type { TPlanAgreement } from '../../../shared/api/planning.js';

/**
 * How a plan lands on the calendar: pure functions over the plan's items and the page's
 * lessons, so the rules are tested without a database.
 */

export interface SlotItem {
  id: number;
  unitId: number;
  topic: string;
  hours: number;
}

export interface CalendarLesson {
  id: number;
  date: string;
  period: number;
  cancelled: boolean;
  topic: string;
  topicFromPlan: boolean;
  planItemId: number | null;
}

export interface LessonUpdate {
  id: number;
  planItemId: number | null;
  topic: string;
  topicFromPlan: boolean;
  /** the topic changed (a history row and a new lesson version) */
  topicChanged: boolean;
  oldTopic: string;
}

/** Items expanded by their hours: an item of 2 hours takes two lessons. */
export function expandSlots<T extends { hours: number }>(items: readonly T[]): T[] {
  return items.flatMap((item) => Array.from({ length: item.hours }, () => item));
}

const byCalendar = (a: CalendarLesson, b: CalendarLesson) => a.date.localeCompare(b.date) || a.period - b.period || a.id - b.id;

/**
 * Slots onto the held lessons in date and period order. A lesson takes its slot's topic when its
 * topic is empty or still the plan's; a topic the teacher wrote is never replaced. A cancelled
 * lesson or one beyond the plan loses a topic that only the plan gave it.
 */
export function mapPlan(items: readonly SlotItem[], lessons: readonly CalendarLesson[]): { updates: LessonUpdate[]; slotLessons: (CalendarLesson | null)[] } {
  const slots = expandSlots(items);
  const held = lessons.filter((l) => !l.cancelled).sort(byCalendar);
  const slotOf = new Map<number, SlotItem>();
  held.forEach((l, i) => {
    if (i < slots.length) slotOf.set(l.id, slots[i]);
  });
  const updates: LessonUpdate[] = [];
  for (const l of lessons) {
    const slot = slotOf.get(l.id) ?? null;
    let topic = l.topic;
    let fromPlan = l.topicFromPlan;
    if (slot && (l.topic === '' || l.topicFromPlan)) {
      topic = slot.topic;
      fromPlan = true;
    } else if (!slot && l.topicFromPlan) {
      topic = '';
      fromPlan = false;
    }
    const planItemId = slot?.id ?? null;
    if (planItemId === l.planItemId && topic === l.topic && fromPlan === l.topicFromPlan) continue;
    updates.push({ id: l.id, planItemId, topic, topicFromPlan: fromPlan, topicChanged: topic !== l.topic, oldTopic: l.topic });
  }
  return { updates, slotLessons: slots.map((_, i) => held[i] ?? null) };
}

/** Where the plan and the calendar disagree: hours without a lesson, lessons without a plan item. */
export function planAgreement(items: readonly SlotItem[], lessons: readonly CalendarLesson[], today: string): TPlanAgreement {
  const slots = expandSlots(items);
  const held = lessons.filter((l) => !l.cancelled).sort(byCalendar);
  const past = held.filter((l) => l.date < today).length;
  const extraHours = Math.max(0, slots.length - held.length);
  const extraLessons = Math.max(0, held.length - slots.length);
  const firstItem = extraHours ? slots[held.length] : null;
  const firstLesson = extraLessons ? held[slots.length] : null;
  return {
    planHours: slots.length,
    lessons: held.length,
    lessonsLeft: held.length - past,
    planHoursLeft: Math.max(0, slots.length - past),
    hoursWithoutLesson: extraHours,
    firstItemWithoutLesson: firstItem ? { id: firstItem.id, topic: firstItem.topic } : null,
    lessonsWithoutPlan: extraLessons,
    firstLessonWithoutPlan: firstLesson ? { id: firstLesson.id, date: firstLesson.date, period: firstLesson.period } : null,
  };
}

/** The date after which each unit's thematic column sits: its last mapped lesson. */
export function unitLastDates(items: readonly SlotItem[], slotLessons: readonly (CalendarLesson | null)[]): Map<number, string> {
  const slots = expandSlots(items);
  const out = new Map<number, string>();
  slots.forEach((slot, i) => {
    const lesson = slotLessons[i];
    if (lesson) out.set(slot.unitId, lesson.date);
  });
  return out;
}

/**
 * Hours the curriculum allows in a semester: hours per week x study weeks, where study weeks are
 * the semester's Monday-to-Friday school days (holidays and days off left out) divided by five.
 */
export function curriculumAllowance(hoursPerWeek: number, weekdaysInSemester: number) {
  const studyWeeks = Math.round((weekdaysInSemester / 5) * 10) / 10;
  return { hoursPerWeek, studyWeeks, maxHours: Math.ceil(hoursPerWeek * studyWeeks - 1e-9) };
}
