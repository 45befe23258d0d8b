import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCreateRemark } from '../api/create-remark.js';
import { addDays } from '../format.js';

interface RemarkFormProps {
  schoolId: number;
  today: string;
  /** the page the remark is about; when absent the controller picks one */
  pageId?: number;
  pages?: { value: string; label: string }[];
  onDone?: () => void;
}

/** The controller records a check: date, remarks, deadline (a week by default). */
export function RemarkForm({ schoolId, today, pageId, pages = [], onDone }: RemarkFormProps) {
  const { t } = useTranslation();
  const create = useCreateRemark(schoolId);
  const [page, setPage] = useState<string | null>(pageId ? String(pageId) : null);
  const [checkedOn, setCheckedOn] = useState(today);
  const [deadline, setDeadline] = useState(addDays(today, 7));
  const [text, setText] = useState('');
  const fields = create.error instanceof ApiError ? create.error.fieldMap() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!page) return;
    create.mutate(
      { pageId: Number(page), checkedOn, deadline, text },
      {
        onSuccess: () => {
          setText('');
          notifySuccess(t('control.saved'));
          onDone?.();
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {!pageId && (
          <Select label={t('control.page')} data={pages} value={page} onChange={setPage} searchable required comboboxProps={{ shadow: 'md' }} error={fields.pageId} />
        )}
        <Group grow>
          <TextInput type="date" label={t('control.checkedOn')} value={checkedOn} max={today} onChange={(e) => setCheckedOn(e.currentTarget.value)} required error={fields.checkedOn} />
          <TextInput type="date" label={t('control.deadline')} value={deadline} min={checkedOn} onChange={(e) => setDeadline(e.currentTarget.value)} required error={fields.deadline} />
        </Group>
        <Textarea
          label={t('control.text')}
          placeholder={t('control.textPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={4000}
          required
          error={fields.text}
        />
        {create.error && !Object.keys(fields).length && (
          <Alert color="red" variant="light">
            {create.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={!page || !text.trim()}>
            {t('control.addRemark')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
