import { ActionIcon, Badge, Box, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canAddBeside, cellEntries, shortPersonName, type TEntryView } from '../lib/grid.js';
import { dayKey, parityKey } from './options.js';

const COLORS = ['blue', 'teal', 'grape', 'orange', 'cyan', 'indigo', 'lime', 'pink', 'violet', 'yellow'];

/** A stable colour per subject, so the same subject looks the same across the week. */
function colorOf(subject: string): string {
  let h = 0;
  for (const ch of subject) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length];
}

export interface WeekGridProps {
  caption: string;
  entries: readonly TEntryView[];
  weekdays: number[];
  periods: number[];
  /** what the second line names: the teacher (class view) or the class (teacher and room views) */
  show: 'teacher' | 'class';
  /** whether lessons of the cell leave room for another: groups (class view) or alternating weeks */
  groupsShareSlot?: boolean;
  onOpen?: (entry: TEntryView) => void;
  onAdd?: (weekday: number, period: number) => void;
}

function EntryCard({ entry, show, onOpen }: { entry: TEntryView; show: 'teacher' | 'class'; onOpen?: (e: TEntryView) => void }) {
  const { t } = useTranslation();
  const p = entry.page;
  const subject = p.groupName && show === 'teacher' ? `${p.subjectShort} (${p.groupName})` : p.subjectShort;
  const who = show === 'teacher' ? shortPersonName(p.teacherName) || t('timetable.noTeacher') : p.groupName ? `${p.classLabel} (${p.groupName})` : p.classLabel;
  const parity = entry.weekParity ? t(`timetable.parityShort.${parityKey(entry.weekParity)}`) : null;
  const label = [p.subjectName, p.groupName, show === 'teacher' ? who : p.classLabel, entry.room && t('timetable.roomShort', { room: entry.room }), parity]
    .filter(Boolean)
    .join(', ');
  const body = (
    <Paper px={6} py={4} radius="sm" bg={`var(--mantine-color-${colorOf(p.subjectName)}-0)`} style={{ borderLeft: `3px solid var(--mantine-color-${colorOf(p.subjectName)}-5)` }}>
      <Text size="sm" fw={600} lh={1.25} lineClamp={2}>
        {subject}
      </Text>
      {/* a narrow day (Saturday shown) wraps the room whole onto a second line rather than cutting it to "каб...." */}
      <Text size="xs" c="dimmed" lh={1.25} lineClamp={2}>
        {who}
        {entry.room && (
          <>
            {' · '}
            <span style={{ whiteSpace: 'nowrap' }}>{t('timetable.roomShort', { room: entry.room })}</span>
          </>
        )}
      </Text>
      {parity && (
        <Badge size="xs" variant="outline" mt={2}>
          {parity}
        </Badge>
      )}
    </Paper>
  );
  if (!onOpen) return <Box aria-label={label}>{body}</Box>;
  return (
    <UnstyledButton onClick={() => onOpen(entry)} aria-label={t('timetable.openEntry', { label })} w="100%">
      {body}
    </UnstyledButton>
  );
}

/** The weekly grid: periods down, weekdays across; a cell holds its lessons side by side. */
export function WeekGrid({ caption, entries, weekdays, periods, show, groupsShareSlot = false, onOpen, onAdd }: WeekGridProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={720} type="native">
        <Table withColumnBorders layout="fixed" verticalSpacing={6} horizontalSpacing={6} aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56} ta="center">
                {t('timetable.period')}
              </Table.Th>
              {weekdays.map((d) => (
                <Table.Th key={d} ta="center">
                  <abbr title={t(`timetable.weekdays.${dayKey(d)}`)} style={{ textDecoration: 'none' }}>
                    {t(`timetable.weekdaysShort.${dayKey(d)}`)}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((period) => (
              <Table.Tr key={period}>
                <Table.Th scope="row" ta="center" fz="lg" c="dimmed">
                  {period}
                </Table.Th>
                {weekdays.map((weekday) => {
                  const here = cellEntries(entries, weekday, period);
                  return (
                    <Table.Td key={weekday} valign="top" h={64}>
                      <Stack gap={4}>
                        {here.map((e) => (
                          <EntryCard key={e.id} entry={e} show={show} onOpen={onOpen} />
                        ))}
                        {onAdd && canAddBeside(here, groupsShareSlot) && (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            onClick={() => onAdd(weekday, period)}
                            aria-label={t('timetable.addAt', { day: t(`timetable.weekdays.${dayKey(weekday)}`), period })}
                            title={t('timetable.add')}
                          >
                            +
                          </ActionIcon>
                        )}
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
