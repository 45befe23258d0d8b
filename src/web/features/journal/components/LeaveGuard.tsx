import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveQueue } from '../lib/save-queue.js';
import { useLeaveGuard } from './grid/useLeaveGuard.js';

/**
 * The question before leaving a page with changes that wait for the teacher. A component of its
 * own: the router's blocker sets its state once mounted, and only this renders again for it.
 */
export function LeaveGuard({ queue }: { queue: SaveQueue }) {
  const { t } = useTranslation();
  const blocker = useLeaveGuard(queue);
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal opened onClose={() => blocker.reset?.()} title={t('journal.screen.leaveTitle')} centered>
      <Text size="sm" mb="md">
        {t('journal.screen.leave')}
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" color="red" onClick={() => blocker.proceed?.()}>
          {t('journal.screen.leaveAnyway')}
        </Button>
        <Button onClick={() => blocker.reset?.()}>{t('journal.screen.stay')}</Button>
      </Group>
    </Modal>
  );
}
