import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSchool } from '../../../../shared/api/schools.js';
import { formatDate, todayIso } from '../../../lib/format.js';

/** "Навчальний рік 2025/2026 · І семестр: 01.09.2025 – 24.12.2025", or that there is no year yet. */
export function SchoolYearLine({ school }: { school: TSchool }) {
  const { t } = useTranslation();
  const year = school.year;
  if (!year) return <Text c="dimmed">{t('school.noYear')}</Text>;
  const day = todayIso();
  const semester = year.semesters.find((s) => s.startsOn <= day && day <= s.endsOn);
  const parts = [t('school.year', { name: year.name })];
  if (semester) {
    const name = semester.number === 1 ? t('school.semester1') : t('school.semester2');
    parts.push(t('school.semesterDates', { name, from: formatDate(semester.startsOn), to: formatDate(semester.endsOn) }));
  }
  return (
    <Group gap="xs">
      <Text c="dimmed">{parts.join(' · ')}</Text>
      {year.status === 'closed' && (
        <Badge color="gray" variant="light">
          {t('school.yearClosed')}
        </Badge>
      )}
    </Group>
  );
}
