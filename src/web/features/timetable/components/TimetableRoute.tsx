import { Alert, Group, SegmentedControl, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TTimetable } from '../../../../shared/api/timetable.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { compareUk } from '../../../lib/format.js';
import { useNumberParam } from '../../../lib/params.js';
import { useTimetable } from '../api/get-timetable.js';
import { entriesOfView, entryViews, periodsOf, type TEntryView, type TGridView, weekdaysOf } from '../lib/grid.js';
import { ClassHours } from './ClassHours.js';
import { EntryModal } from './EntryModal.js';
import { PlaceLessonModal, type PlaceSlot } from './PlaceLessonModal.js';
import { WeekGrid } from './WeekGrid.js';

const VIEWS: TGridView[] = ['class', 'teacher', 'room'];

/** "Розклад уроків": the weekly grid of a class, a teacher or a room, edited from a date on. */
export function TimetableRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const canEdit = roles.includes('admin') || roles.includes('head');
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const timetable = useTimetable(schoolId, date ? { date } : {});

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('timetable.title')} description={timetable.data?.year ? t('timetable.yearLine', { name: timetable.data.year.name }) : undefined} />
      <QueryStatus query={timetable}>
        {(data) => <TimetableEditor schoolId={schoolId} data={data} canEdit={canEdit} params={params} set={set} />}
      </QueryStatus>
    </>
  );
}

interface EditorProps {
  schoolId: number;
  data: TTimetable;
  canEdit: boolean;
  params: URLSearchParams;
  set: (changes: Record<string, string | null>) => void;
}

function TimetableEditor({ schoolId, data, canEdit, params, set }: EditorProps) {
  const { t } = useTranslation();
  const view = (VIEWS as string[]).includes(params.get('view') ?? '') ? (params.get('view') as TGridView) : 'class';
  const [saturday, setSaturday] = useState(false);
  const [slot, setSlot] = useState<PlaceSlot | null>(null);
  const [open, setOpen] = useState<TEntryView | null>(null);
  const all = useMemo(() => entryViews(data), [data]);

  if (!data.year) return <Alert color="gray">{t('timetable.noYear')}</Alert>;
  const choices =
    view === 'class'
      ? data.classes.map((c) => ({ value: String(c.id), label: c.label }))
      : view === 'teacher'
        ? data.teachers.map((x) => ({ value: String(x.id), label: x.name }))
        : data.rooms.map((r) => ({ value: r, label: r }));
  const id = params.get('id') ?? choices[0]?.value ?? '';
  const shown = entriesOfView(all, view, id);
  const chosenLabel = choices.find((c) => c.value === id)?.label ?? '';
  const editable = canEdit && data.date >= data.today;
  const candidates =
    view === 'class'
      ? data.pages.filter((p) => String(p.classId) === id)
      : view === 'teacher'
        ? data.pages.filter((p) => String(p.teacherId) === id)
        : [...data.pages].sort((a, b) => a.grade - b.grade || compareUk(a.classLabel, b.classLabel));

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <SegmentedControl
          aria-label={t('timetable.viewLabel')}
          value={view}
          onChange={(v) => set({ view: v, id: null })}
          data={VIEWS.map((v) => ({ value: v, label: t(`timetable.views.${v}`) }))}
        />
        <Select
          label={t(`timetable.views.${view}`)}
          data={choices}
          value={id || null}
          onChange={(v) => set({ id: v })}
          searchable
          allowDeselect={false}
          w={view === 'teacher' ? 300 : 160}
          nothingFoundMessage={t('timetable.nothingFound')}
          comboboxProps={{ shadow: 'md' }}
        />
        <TextInput
          type="date"
          label={t('timetable.date')}
          value={data.date}
          min={data.year.startsOn}
          max={data.year.endsOn}
          onChange={(e) => e.currentTarget.value && set({ date: e.currentTarget.value })}
          w={170}
        />
        <Switch label={t('timetable.saturday')} checked={saturday} onChange={(e) => setSaturday(e.currentTarget.checked)} mb={8} />
      </Group>
      <Alert variant="light" color={editable ? 'blue' : 'gray'} py="xs">
        {editable ? t('timetable.dateNote') : canEdit ? t('timetable.pastReadOnly') : t('timetable.readOnly')}
      </Alert>
      {id ? (
        <WeekGrid
          caption={t(`timetable.captions.${view}`, { label: chosenLabel })}
          entries={shown}
          weekdays={weekdaysOf(shown, saturday)}
          periods={periodsOf(shown)}
          show={view === 'class' ? 'teacher' : 'class'}
          groupsShareSlot={view === 'class'}
          onOpen={setOpen}
          onAdd={editable ? (weekday, period) => setSlot({ weekday, period }) : undefined}
        />
      ) : (
        <Alert color="gray">{t(`timetable.empty.${view}`)}</Alert>
      )}
      {view === 'class' && id && <ClassHours pages={candidates} entries={shown} />}
      <PlaceLessonModal
        key={`${view}:${id}`}
        schoolId={schoolId}
        slot={slot}
        pages={candidates}
        withClass={view !== 'class'}
        rooms={data.rooms}
        defaultRoom={view === 'room' ? id : ''}
        date={data.date}
        onClose={() => setSlot(null)}
      />
      <EntryModal schoolId={schoolId} entry={open} rooms={data.rooms} date={data.date} editable={editable} onClose={() => setOpen(null)} />
    </Stack>
  );
}

