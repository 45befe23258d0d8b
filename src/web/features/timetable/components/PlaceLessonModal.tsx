import { Alert, Autocomplete, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSlotPage } from '../../../../shared/api/timetable.js';
import { ApiError } from '../../../lib/api-error.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateEntry } from '../api/create-entry.js';
import { changedLessons, shortPersonName } from '../lib/grid.js';
import { dayKey, parityValue, useParityOptions } from './options.js';

export interface PlaceSlot {
  weekday: number;
  period: number;
}

interface PlaceLessonModalProps {
  schoolId: number;
  slot: PlaceSlot | null;
  /** the pages that may go into the slot (the class's, the teacher's, or all) */
  pages: readonly TSlotPage[];
  withClass: boolean;
  rooms: readonly string[];
  defaultRoom?: string;
  date: string;
  onClose: () => void;
}

/** Puts a page (subject, group, teacher) into a weekday and period from the chosen date. */
export function PlaceLessonModal({ schoolId, slot, pages, withClass, rooms, defaultRoom = '', date, onClose }: PlaceLessonModalProps) {
  const { t } = useTranslation();
  const create = useCreateEntry(schoolId);
  const parities = useParityOptions();
  const [pageId, setPageId] = useState<string | null>(null);
  const [room, setRoom] = useState(defaultRoom);
  const [parity, setParity] = useState('every');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const close = () => {
    setPageId(null);
    setRoom(defaultRoom);
    setParity('every');
    setError(null);
    setFields({});
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!slot) return;
    setError(null);
    setFields({});
    if (!pageId) return setFields({ pageId: t('timetable.choosePage') });
    create.mutate(
      { pageId: Number(pageId), weekday: slot.weekday, period: slot.period, room, weekParity: parityValue(parity), from: date },
      {
        onSuccess: (res) => {
          notifySuccess(changedLessons(res.lessons) ? t('timetable.savedWithLessons', res.lessons) : t('timetable.saved'));
          close();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields.length) setFields(err.fieldMap());
          setError(err.message);
        },
      },
    );
  };

  const options = pages.map((p) => {
    const subject = p.groupName ? `${p.subjectName} (${p.groupName})` : p.subjectName;
    const teacher = shortPersonName(p.teacherName) || t('timetable.noTeacher');
    return { value: String(p.id), label: withClass ? `${p.classLabel} · ${subject} — ${teacher}` : `${subject} — ${teacher}` };
  });
  const title = slot ? t('timetable.placeTitle', { day: t(`timetable.weekdays.${dayKey(slot.weekday)}`), period: slot.period }) : '';

  return (
    <Modal opened={slot !== null} onClose={close} title={title} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('timetable.fromDate', { date: formatDate(date) })}
          </Text>
          {error && (
            <Alert color="red" variant="light" role="alert" title={t('timetable.notSaved')}>
              {error}
            </Alert>
          )}
          <Select
            label={t('timetable.page')}
            placeholder={t('timetable.choosePage')}
            data={options}
            value={pageId}
            onChange={setPageId}
            searchable
            data-autofocus
            error={fields.pageId}
            nothingFoundMessage={t('timetable.noPages')}
            comboboxProps={{ shadow: 'md' }}
          />
          <Group grow align="flex-start">
            <Autocomplete label={t('timetable.room')} data={[...rooms]} value={room} onChange={setRoom} maxLength={20} error={fields.room} />
            <Select label={t('timetable.weeks')} data={parities} value={parity} onChange={(v) => setParity(v ?? 'every')} allowDeselect={false} />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('timetable.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('timetable.place')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
