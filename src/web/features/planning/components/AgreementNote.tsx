import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPlanAgreement, TPlanAllowance } from '../../../../shared/api/planning.js';
import { formatDate, formatNumber } from '../../../lib/format.js';

/** The one line that says where the plan and the calendar disagree (or that they agree). */
export function useAgreementText() {
  const { t } = useTranslation();
  return (a: TPlanAgreement): string => {
    if (a.hoursWithoutLesson > 0) return t('planning.moreHours', { count: a.hoursWithoutLesson, topic: a.firstItemWithoutLesson?.topic ?? '' });
    if (a.lessonsWithoutPlan > 0) return t('planning.moreLessons', { count: a.lessonsWithoutPlan, date: formatDate(a.firstLessonWithoutPlan?.date ?? '') });
    return t('planning.agree');
  };
}

/** Plan hours, calendar lessons, the curriculum's allowance and the disagreement, for the plan screen. */
export function AgreementNote({ agreement, allowance }: { agreement: TPlanAgreement; allowance: TPlanAllowance }) {
  const { t } = useTranslation();
  const text = useAgreementText();
  const agrees = agreement.hoursWithoutLesson === 0 && agreement.lessonsWithoutPlan === 0;
  return (
    <Alert color={agrees ? 'teal' : 'yellow'} variant="light" p="sm" data-testid="plan-agreement">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {text(agreement)}
        </Text>
        <Text size="sm">
          {t('planning.hoursLine', {
            plan: agreement.planHours,
            lessons: agreement.lessons,
            max: allowance.maxHours,
            perWeek: formatNumber(allowance.hoursPerWeek),
            weeks: formatNumber(allowance.studyWeeks),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('planning.left', { lessons: agreement.lessonsLeft, hours: agreement.planHoursLeft })}
        </Text>
      </Stack>
    </Alert>
  );
}
