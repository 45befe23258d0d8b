import { Button, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { intlLocale } from '../../../lib/i18n/index.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { useDiarySubjects } from '../api/get-diary-subjects.js';
import { useDiaryWeek } from '../api/get-diary-week.js';
import { DiarySubjects } from './DiarySubjects.js';
import { DiaryWeek } from './DiaryWeek.js';
import { shiftWeek } from './week.js';

/** A pupil's diary for the pupil and their parents: a week view and a subject view. */
export function DiaryRoute() {
  const { t } = useTranslation();
  const schoolId = Number(useParams().schoolId);
  const pupilId = Number(useParams().pupilId);
  const name = (useLocation().state as { name?: string } | null)?.name;
  const [date, setDate] = useState<string | undefined>();
  const [semester, setSemester] = useState<number | undefined>();
  const week = useDiaryWeek(schoolId, pupilId, date);
  const subjects = useDiarySubjects(schoolId, pupilId, semester);
  const pupil = week.data?.pupil;
  const description = pupil ? `${pupil.name}${pupil.classLabel ? `, ${pupil.classLabel}` : ''}` : name;
  return (
    <Stack maw={760}>
      <PageHeader title={t('diary.title')} description={description} />
      <Tabs defaultValue="week">
        <Tabs.List>
          <Tabs.Tab value="week">{t('diaryView.week')}</Tabs.Tab>
          <Tabs.Tab value="subjects">{t('diaryView.bySubject')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="week" pt="sm">
          <Group justify="space-between" mb="sm" wrap="nowrap" gap="xs">
            {/* on a phone the buttons keep only their arrows (the words stay as their names), so the dates fit */}
            <Button variant="default" size="xs" aria-label={t('diaryView.prev')} onClick={() => week.data && setDate(shiftWeek(week.data.weekStart, -1))}>
              ←<Text span inherit visibleFrom="xs" ml={4}>{t('diaryView.prev')}</Text>
            </Button>
            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
              {week.data ? `${fmt(week.data.weekStart)} – ${fmt(week.data.weekEnd)}` : ''}
            </Text>
            <Button variant="default" size="xs" aria-label={t('diaryView.next')} onClick={() => week.data && setDate(shiftWeek(week.data.weekStart, 1))}>
              <Text span inherit visibleFrom="xs" mr={4}>{t('diaryView.next')}</Text>→
            </Button>
          </Group>
          <QueryStatus query={week}>{(data) => <DiaryWeek week={data} />}</QueryStatus>
        </Tabs.Panel>
        <Tabs.Panel value="subjects" pt="sm">
          <QueryStatus query={subjects}>
            {(data) => (
              <Stack>
                <SegmentedControl
                  w="fit-content"
                  value={String(data.semester)}
                  onChange={(v) => setSemester(Number(v))}
                  data={data.semesters.map((s) => ({ value: String(s.number), label: s.number === 1 ? t('diaryView.semester1') : t('diaryView.semester2') }))}
                />
                <DiarySubjects data={data} />
              </Stack>
            )}
          </QueryStatus>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** A day of the week's range in the UI language: 23.11 in Ukrainian, 23/11 in English. */
function fmt(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}
