import { Alert, Anchor, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { formatDate } from '../../../lib/format.js';
import { useOffSchedule } from '../api/get-off-schedule.js';
import { useTimetable } from '../api/get-timetable.js';
import { entryViews, periodsOf, weekdaysOf } from '../lib/grid.js';
import { WeekGrid } from './WeekGrid.js';

/** "Мій розклад": the teacher's week as it stands today, read-only, and lessons left off it. */
export function MyTimetableSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const timetable = useTimetable(schoolId, { teacherId: me.userId });
  const off = useOffSchedule(schoolId, true);
  return (
    <Section
      title={t('timetable.mine')}
      aside={
        <Anchor component={Link} to={`/s/${schoolId}/admin/timetable`} size="sm">
          {t('timetable.schoolLink')}
        </Anchor>
      }
    >
      <QueryStatus query={timetable}>
        {(data) => {
          const entries = entryViews(data);
          if (!entries.length) return <EmptyNote>{t('timetable.mineEmpty')}</EmptyNote>;
          const last = Math.max(...entries.map((e) => e.period));
          const periods = periodsOf(entries).filter((p) => p <= last && (p > 0 || entries.some((e) => e.period === 0)));
          return (
            <Stack gap="sm">
              <WeekGrid caption={t('timetable.mine')} entries={entries} weekdays={weekdaysOf(entries, false)} periods={periods} show="class" />
              {!!off.data?.length && (
                <Alert color="orange" variant="light" title={t('timetable.offTitle')}>
                  <List size="sm" spacing={2}>
                    {off.data.map((l) => (
                      <List.Item key={l.lessonId}>
                        {t('timetable.offLine', {
                          date: formatDate(l.date),
                          period: l.period,
                          label: `${l.classLabel}${l.groupName ? ` (${l.groupName})` : ''}, ${l.subjectName}`,
                          reason: t(`timetable.offReason.${l.reason}`),
                        })}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          );
        }}
      </QueryStatus>
    </Section>
  );
}
