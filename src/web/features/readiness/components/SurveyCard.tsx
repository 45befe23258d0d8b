import { Button, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SURVEY_QUESTIONS } from '../../../../shared/api/readiness.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { ApiError } from '../../../lib/api-error.js';
import { Section } from '../../../components/ui/Section.js';
import { useAnswerMySurvey, useMySurvey } from '../api/my-survey.js';

/** The teacher's own readiness self-assessment on the home screen (one answer a year, editable). */
export function SurveyCard({ schoolId }: { schoolId: number }) {
  const { t, i18n } = useTranslation();
  const mine = useMySurvey(schoolId);
  const answer = useAnswerMySurvey(schoolId);
  const [answers, setAnswers] = useState<number[]>(SURVEY_QUESTIONS.map(() => 0));
  const [needs, setNeeds] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  useEffect(() => {
    if (mine.data?.answer) {
      setAnswers(mine.data.answer.answers);
      setNeeds(mine.data.answer.needsTraining);
    }
  }, [mine.data]);
  // between closing a year and opening the next there is nothing to answer
  if (mine.error instanceof ApiError && mine.error.status === 404) return null;
  return (
    <Section title={t('readiness.surveyTitle')}>
      <QueryStatus query={mine}>
        {(d) => (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {d.answer ? t('readiness.surveyDone') : t('readiness.surveyIntro')}
            </Text>
            {SURVEY_QUESTIONS.map((q, i) => (
              <Group key={q.key} justify="space-between" gap={4}>
                <Text size="sm" style={{ flex: '1 1 12rem' }}>
                  {q[lang]}
                </Text>
                <Radio.Group
                  style={{ flexShrink: 0 }}
                  aria-label={q[lang]}
                  value={answers[i] ? String(answers[i]) : ''}
                  onChange={(v) => setAnswers((prev) => prev.map((x, j) => (j === i ? Number(v) : x)))}
                >
                  <Group gap="xs" wrap="nowrap">
                    {['1', '2', '3', '4'].map((v) => (
                      <Radio key={v} value={v} label={v} size="xs" />
                    ))}
                  </Group>
                </Radio.Group>
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              {t('readiness.scale')}
            </Text>
            <Checkbox label={t('readiness.needsTrainingMine')} checked={needs} onChange={(e) => setNeeds(e.currentTarget.checked)} />
            <Group>
              <Button size="sm" disabled={answers.some((x) => !x)} loading={answer.isPending} onClick={() => answer.mutate({ answers, needsTraining: needs })}>
                {t('readiness.send')}
              </Button>
              {answer.isSuccess && <Text c="teal">{t('readiness.saved')}</Text>}
            </Group>
            {answer.error && <Text c="red">{answer.error.message}</Text>}
          </Stack>
        )}
      </QueryStatus>
    </Section>
  );
}

/** The way to the readiness screen for the head, controller and administrator. */
export function ReadinessLink({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  return (
    <Button component={Link} to={`/s/${schoolId}/readiness`} variant="light">
      {t('readiness.title')}
    </Button>
  );
}

/** A home section for the head, controller and administrator. */
export function ReadinessHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  return (
    <Section title={t('readiness.title')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('readiness.homeIntro')}
      </Text>
      <ReadinessLink schoolId={schoolId} />
    </Section>
  );
}
