import { describe, expect, it } from 'vitest';
import { daysOfWeek, shiftWeek } from './week.js';

const lesson = (date: string, period: number) => ({ lessonId: period, date, period, subjectName: 'Математика', topic: '', homework: '', remote: false, cancelled: false, mark: '', absent: false, attachments: [] });

describe('diary week', () => {
  it('lists Monday to Friday, and Saturday only when it has lessons', () => {
    const days = daysOfWeek('2025-10-13', [lesson('2025-10-14', 2), lesson('2025-10-14', 1)]);
    expect(days.map((d) => d.date)).toEqual(['2025-10-13', '2025-10-14', '2025-10-15', '2025-10-16', '2025-10-17']);
    expect(days[1].lessons.map((l) => l.period)).toEqual([2, 1]);
    expect(daysOfWeek('2025-10-13', [lesson('2025-10-18', 1)]).map((d) => d.date)).toContain('2025-10-18');
  });

  it('moves a week back and forth across months', () => {
    expect(shiftWeek('2025-10-29', 1)).toBe('2025-11-05');
    expect(shiftWeek('2025-10-01', -1)).toBe('2025-09-24');
  });
});
