import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ReasonModalProps {
  opened: boolean;
  days: number;
  /** the reason given last time on this page, offered again */
  lastReason: string;
  onSubmit: (reason: string) => void;
  onDiscard: () => void;
  onClose: () => void;
}

/** Asks why entries older than the edit window change; the waiting changes are then sent with it. */
export function ReasonModal({ opened, days, lastReason, onSubmit, onDiscard, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(lastReason);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('journal.reason.title')} centered size={520}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t('journal.reason.text', { days })}</Text>
          <Textarea
            label={t('journal.reason.label')}
            placeholder={t('journal.reason.placeholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) submit(e);
            }}
            maxLength={500}
            autosize
            minRows={2}
            required
            data-autofocus
          />
          <Group justify="space-between" mt="xs">
            <Button variant="subtle" color="red" onClick={onDiscard}>
              {t('journal.reason.discard')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('journal.reason.later')}
              </Button>
              <Button type="submit" disabled={!reason.trim()}>
                {t('journal.reason.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
