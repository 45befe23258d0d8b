import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.js';

/** A form's problems from the API: per field (error.details.fields) and one for the whole form. */
export function useFormErrors() {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [form, setForm] = useState<string | null>(null);
  return {
    fields,
    form,
    clear() {
      setFields({});
      setForm(null);
    },
    show(error: Error) {
      if (!(error instanceof ApiError)) return setForm(t('errors.network'));
      if (error.fields.length) {
        setFields(error.fieldMap());
        setForm(null);
      } else setForm(error.message);
    },
  };
}

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}

/** A modal form: fields, the form's error, save and cancel. */
export function FormModal(props: {
  opened: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  error: string | null;
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <Stack gap="md">
          <FormAlert message={props.error} />
          {props.children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {props.submitLabel ?? t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks before an action that is hard to take back. */
export function ConfirmModal(props: { opened: boolean; text: string; confirmLabel: string; onConfirm: () => void; onClose: () => void; busy?: boolean; color?: string }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} withCloseButton={false} centered>
      <Stack gap="md">
        <Text>{props.text}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('admin.cancel')}
          </Button>
          <Button color={props.color ?? 'red'} loading={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
