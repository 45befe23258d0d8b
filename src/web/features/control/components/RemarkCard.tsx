import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TRemark, TRemarkAction } from '../../../../shared/api/control.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useActOnRemark } from '../api/act-on-remark.js';
import { useRemarkHistory } from '../api/get-remark-history.js';
import { formatDate, formatMoment } from '../format.js';

const STATUS_COLOR = { open: 'orange', acknowledged: 'blue', fixed: 'teal', closed: 'gray' } as const;
const ACTIONS: TRemarkAction[] = ['acknowledge', 'fix', 'close', 'reopen'];
/** actions that ask for a comment first */
const WITH_NOTE = new Set<TRemarkAction>(['fix', 'close', 'reopen']);

function History({ schoolId, remarkId }: { schoolId: number; remarkId: number }) {
  const { t } = useTranslation();
  const history = useRemarkHistory(schoolId, remarkId, true);
  return (
    <QueryStatus query={history}>
      {(data) => (
        <Stack gap={2}>
          {data.events.map((e) => (
            <Text key={`${e.at}:${e.toStatus}`} size="xs" c="dimmed">
              {formatMoment(e.at)} · {e.userName} · {t(`control.statuses.${e.toStatus}`)}
              {e.note && ` · «${e.note}»`}
            </Text>
          ))}
        </Stack>
      )}
    </QueryStatus>
  );
}

/** One remark: what the controller found, the deadline, the status, and what the reader may do now. */
export function RemarkCard({ schoolId, remark, showPage = true }: { schoolId: number; remark: TRemark; showPage?: boolean }) {
  const { t } = useTranslation();
  const act = useActOnRemark(schoolId);
  const [asking, setAsking] = useState<TRemarkAction | null>(null);
  const [note, setNote] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const run = (action: TRemarkAction, withNote = '') =>
    act.mutate(
      { remarkId: remark.id, action, version: remark.version, note: withNote },
      {
        onSuccess: () => {
          notifySuccess(t(`control.actionDone.${action}`));
          setAsking(null);
          setNote('');
        },
      },
    );
  const available = ACTIONS.filter((a) => remark.can[a]);
  return (
    <Paper withBorder radius="md" p="md" data-testid="remark">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0}>
            {showPage && (
              <Anchor component={Link} to={`/s/${schoolId}/journal/${remark.pageId}`} fw={600}>
                {remark.pageLabel}
              </Anchor>
            )}
            <Text size="xs" c="dimmed">
              {t('control.checkedBy', { date: formatDate(remark.checkedOn), name: remark.authorName })}
              {showPage && remark.teacherName && ` · ${remark.teacherName}`}
            </Text>
          </Stack>
          {/* the status keeps its width: on a phone it moves under the page's name instead of shrinking to "П…" */}
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {remark.overdue && (
              <Badge color="red" variant="filled">
                {t('control.overdue')}
              </Badge>
            )}
            <Badge color={STATUS_COLOR[remark.status]} variant="light">
              {t(`control.statuses.${remark.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{remark.text}</Text>
        <Group justify="space-between" align="center">
          <Text size="sm" c={remark.overdue ? 'red' : 'dimmed'} fw={remark.overdue ? 600 : 400}>
            {t('control.deadlineOn', { date: formatDate(remark.deadline) })}
          </Text>
          <Group gap={6}>
            <Button size="compact-sm" variant="subtle" onClick={() => setShowHistory((v) => !v)}>
              {showHistory ? t('control.hideHistory') : t('control.history')}
            </Button>
            {available.map((a) => (
              <Button
                key={a}
                size="compact-sm"
                variant={a === 'reopen' ? 'default' : 'light'}
                loading={act.isPending && act.variables?.action === a}
                onClick={() => (WITH_NOTE.has(a) ? setAsking(a) : run(a))}
              >
                {t(`control.actions.${a}`)}
              </Button>
            ))}
          </Group>
        </Group>
        {showHistory && <History schoolId={schoolId} remarkId={remark.id} />}
      </Stack>
      <Modal opened={!!asking} onClose={() => setAsking(null)} title={asking ? t(`control.actions.${asking}`) : ''}>
        <Stack gap="sm">
          <Textarea label={t('control.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('control.cancel')}
            </Button>
            <Button onClick={() => asking && run(asking, note)} loading={act.isPending}>
              {t('control.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
