import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSchoolOverview } from '../../../../shared/api/people.js';
import { StatCard } from '../../../components/ui/StatCard.js';

const FIGURES = ['classes', 'pupils', 'staff', 'pages', 'lessonsToday'] as const;

/** The school's headline figures as a row of cards. */
export function SchoolOverview({ overview }: { overview: TSchoolOverview }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      {FIGURES.map((key) => (
        <StatCard key={key} label={t(`school.stats.${key}`)} value={overview[key]} />
      ))}
    </SimpleGrid>
  );
}
