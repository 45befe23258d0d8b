import { useTranslation } from 'react-i18next';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6;

/** The i18n key part of a weekday: d1 (Monday) ... d6 (Saturday). */
export const dayKey = (weekday: number) => `d${weekday as Weekday}` as const;
/** The i18n key part of a week parity. */
export const parityKey = (parity: 1 | 2) => (parity === 1 ? 'odd' : 'even');

/** Every week, or odd / even weeks (alternating). */
export function useParityOptions() {
  const { t } = useTranslation();
  return [
    { value: 'every', label: t('timetable.parity.every') },
    { value: '1', label: t('timetable.parity.odd') },
    { value: '2', label: t('timetable.parity.even') },
  ];
}

export const parityValue = (v: string): 1 | 2 | null => (v === '1' ? 1 : v === '2' ? 2 : null);
export const parityField = (p: 1 | 2 | null): string => (p === null ? 'every' : String(p));

export function useWeekdayOptions() {
  const { t } = useTranslation();
  return ([1, 2, 3, 4, 5, 6] as const).map((d) => ({ value: String(d), label: t(`timetable.weekdays.${dayKey(d)}`) }));
}

export const periodOptions = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
