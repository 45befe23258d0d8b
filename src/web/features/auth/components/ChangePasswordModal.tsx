import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useChangePassword } from '../api/change-password.js';

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/** Which field an API error belongs to, when it belongs to one. */
const FIELD_OF_CODE: Record<string, Field> = { wrong_password: 'currentPassword', weak_password: 'newPassword' };

/** Current, new and repeated password; every problem is shown beside its field. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setValues({ currentPassword: '', newPassword: '', repeat: '' });
    setErrors({});
    setFormError(null);
    change.reset();
    onClose();
  };

  const showError = (error: Error) => {
    if (!(error instanceof ApiError)) return setFormError(t('errors.network'));
    const field = FIELD_OF_CODE[error.code];
    if (field) return setErrors({ [field]: error.message });
    if (error.fields.length) return setErrors(error.fieldMap());
    setFormError(error.message);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (values.newPassword !== values.repeat) return setErrors({ repeat: t('password.mismatch') });
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('password.done'));
          close();
        },
        onError: showError,
      },
    );
  };

  const input = (field: Field, label: string, autoComplete: string, description?: string) => (
    <PasswordInput
      label={label}
      description={description}
      autoComplete={autoComplete}
      value={values[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
      }}
      error={errors[field]}
    />
  );

  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        {input('currentPassword', t('password.current'), 'current-password')}
        {input('newPassword', t('password.new'), 'new-password', t('password.newHint'))}
        {input('repeat', t('password.repeat'), 'new-password')}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            {t('password.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('password.save')}
          </Button>
        </Group>
        </Stack>
      </form>
    </Modal>
  );
}
