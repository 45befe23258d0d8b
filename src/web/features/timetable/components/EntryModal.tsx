import { Alert, Autocomplete, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEntryPatch } from '../../../../shared/api/timetable.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useChangeEntry } from '../api/change-entry.js';
import { useEndEntry } from '../api/end-entry.js';
import { changedLessons, type TEntryView } from '../lib/grid.js';
import { parityField, parityValue, periodOptions, useParityOptions, useWeekdayOptions } from './options.js';

interface EntryModalProps {
  schoolId: number;
  entry: TEntryView | null;
  rooms: readonly string[];
  date: string;
  /** past dates are shown, not changed */
  editable: boolean;
  onClose: () => void;
}

/** One lesson of the timetable: move it, change its room or weeks, or take it out, from the date. */
export function EntryModal({ schoolId, entry, rooms, date, editable, onClose }: EntryModalProps) {
  const { t } = useTranslation();
  const change = useChangeEntry(schoolId);
  const end = useEndEntry(schoolId);
  const parities = useParityOptions();
  const weekdays = useWeekdayOptions();
  const [values, setValues] = useState({ weekday: '1', period: '1', room: '', parity: 'every' });
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!entry) return;
    setValues({ weekday: String(entry.weekday), period: String(entry.period), room: entry.room, parity: parityField(entry.weekParity) });
    setConfirmEnd(false);
    setError(null);
  }, [entry]);

  const close = () => {
    change.reset();
    end.reset();
    onClose();
  };
  const done = (lessons: { added: number; removed: number; flagged: number }) => {
    notifySuccess(changedLessons(lessons) ? t('timetable.savedWithLessons', lessons) : t('timetable.saved'));
    close();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!entry) return;
    setError(null);
    const patch: TEntryPatch = {
      from: date,
      weekday: Number(values.weekday),
      period: Number(values.period),
      room: values.room,
      weekParity: parityValue(values.parity),
    };
    change.mutate({ entryId: entry.id, patch }, { onSuccess: (res) => done(res.lessons), onError: (err) => setError(err.message) });
  };

  const remove = () => {
    if (!entry) return;
    setError(null);
    end.mutate({ entryId: entry.id, from: date }, { onSuccess: (res) => done(res.lessons), onError: (err) => setError(err.message) });
  };

  const p = entry?.page;
  const title = p ? `${p.classLabel}${p.groupName ? ` (${p.groupName})` : ''} · ${p.subjectName}` : '';
  return (
    <Modal opened={entry !== null} onClose={close} title={title} centered size="lg">
      {entry && p && (
        <form onSubmit={save} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('timetable.teacherLine', { name: p.teacherName ?? t('timetable.noTeacher') })}</Text>
            <Text size="sm" c="dimmed">
              {entry.validTo
                ? t('timetable.validRange', { from: formatDate(entry.validFrom), to: formatDate(entry.validTo) })
                : t('timetable.validFrom', { from: formatDate(entry.validFrom) })}
            </Text>
            {error && (
              <Alert color="red" variant="light" role="alert" title={t('timetable.notSaved')}>
                {error}
              </Alert>
            )}
            <Group grow align="flex-start">
              <Select label={t('timetable.weekday')} data={weekdays} value={values.weekday} onChange={(v) => setValues((s) => ({ ...s, weekday: v ?? s.weekday }))} allowDeselect={false} disabled={!editable} />
              <Select label={t('timetable.period')} data={periodOptions} value={values.period} onChange={(v) => setValues((s) => ({ ...s, period: v ?? s.period }))} allowDeselect={false} disabled={!editable} />
            </Group>
            <Group grow align="flex-start">
              <Autocomplete label={t('timetable.room')} data={[...rooms]} value={values.room} onChange={(room) => setValues((s) => ({ ...s, room }))} maxLength={20} disabled={!editable} />
              <Select label={t('timetable.weeks')} data={parities} value={values.parity} onChange={(v) => setValues((s) => ({ ...s, parity: v ?? 'every' }))} allowDeselect={false} disabled={!editable} />
            </Group>
            {editable ? (
              <Text size="sm" c="dimmed">
                {t('timetable.changeNote', { date: formatDate(date) })}
              </Text>
            ) : (
              <Alert variant="light" color="gray">
                {t('timetable.pastReadOnly')}
              </Alert>
            )}
            {confirmEnd && (
              <Alert color="orange" variant="light" title={t('timetable.endTitle')}>
                <Stack gap="xs">
                  <Text size="sm">{t('timetable.endText', { date: formatDate(date) })}</Text>
                  <Group>
                    <Button color="red" size="xs" onClick={remove} loading={end.isPending}>
                      {t('timetable.endConfirm')}
                    </Button>
                    <Button variant="default" size="xs" onClick={() => setConfirmEnd(false)}>
                      {t('timetable.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            <Group justify="space-between" mt="sm">
              {editable ? (
                <Button variant="subtle" color="red" onClick={() => setConfirmEnd(true)} disabled={confirmEnd}>
                  {t('timetable.end')}
                </Button>
              ) : (
                <span />
              )}
              <Group>
                <Button variant="default" onClick={close}>
                  {t('timetable.close')}
                </Button>
                {editable && (
                  <Button type="submit" loading={change.isPending}>
                    {t('timetable.saveChange')}
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
