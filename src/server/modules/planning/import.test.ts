import { describe, expect, it } from 'vitest';
import { kindOf, planColumns, planField } from './import.js';
import { curriculumAllowance, expandSlots, mapPlan } from './mapping.js';

describe('plan file headers', () => {
  it('recognises the headers teachers write, in Ukrainian and English', () => {
    const cases: [string, string | null][] = [
      ['№', 'number'],
      ['№ з/п', 'number'],
      ['No.', 'number'],
      ['Дата', 'date'],
      ['Дата проведення', 'date'],
      ['Тема уроку', 'topic'],
      ['ТЕМА  УРОКУ', 'topic'],
      ['Зміст навчального матеріалу', 'topic'],
      ['Lesson topic', 'topic'],
      ['Кількість годин', 'hours'],
      ['К-сть год.', 'hours'],
      ['Hours', 'hours'],
      ['Розділ/Тема', 'unit'],
      ['Розділ', 'unit'],
      ['Unit', 'unit'],
      ['Вид роботи', 'kind'],
      ['Примітка', null],
    ];
    expect(cases.map(([h]) => [h, planField(h)])).toEqual(cases);
  });

  it('takes the first column of a field and ignores a second one', () => {
    expect(planColumns(['Тема', 'Тема уроку', 'Години'])).toEqual(['topic', null, 'hours']);
  });

  it('tells tests, lab and practical works from their words', () => {
    expect(['Контрольна робота №2', 'Лабораторна робота 1', 'П/р: вимірювання', 'Дроби', 'к/р'].map(kindOf)).toEqual(['test', 'lab', 'practical', null, 'test']);
  });
});

describe('mapping a plan onto lessons', () => {
  const lesson = (id: number, date: string, extra: Partial<{ cancelled: boolean; topic: string; topicFromPlan: boolean }> = {}) => ({
    id,
    date,
    period: 1,
    cancelled: false,
    topic: '',
    topicFromPlan: false,
    planItemId: null,
    ...extra,
  });

  it('expands items by hours and skips cancelled lessons', () => {
    expect(expandSlots([{ hours: 2 }, { hours: 1 }])).toHaveLength(3);
    const items = [
      { id: 1, unitId: 1, topic: 'А', hours: 2 },
      { id: 2, unitId: 1, topic: 'Б', hours: 1 },
    ];
    const { updates } = mapPlan(items, [lesson(10, '2025-09-01'), lesson(11, '2025-09-02', { cancelled: true }), lesson(12, '2025-09-03'), lesson(13, '2025-09-04', { topic: 'Моя тема' })]);
    expect(updates.map((u) => [u.id, u.planItemId, u.topic, u.topicFromPlan])).toEqual([
      [10, 1, 'А', true],
      [12, 1, 'А', true],
      [13, 2, 'Моя тема', false],
    ]);
  });

  it('allows hours per week x study weeks, rounded up', () => {
    expect(curriculumAllowance(2, 83)).toEqual({ hoursPerWeek: 2, studyWeeks: 16.6, maxHours: 34 });
    expect(curriculumAllowance(1.5, 80)).toEqual({ hoursPerWeek: 1.5, studyWeeks: 16, maxHours: 24 });
  });
});
