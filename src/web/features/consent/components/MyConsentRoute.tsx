import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMyConsent } from '../../../../shared/api/consent.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useAnswerMyConsent } from '../api/answer-my-consent.js';
import { useMyConsents } from '../api/get-my-consents.js';
import { NoticeText } from './NoticeText.js';

/** The state of the child's consent as a badge: given (by me or the other parent), withdrawn, none. */
export function ConsentBadge({ valid, mine }: { valid: boolean; mine: TMyConsent['mine'] }) {
  const { t } = useTranslation();
  if (valid) return <Badge color="teal">{t('consent.state.valid')}</Badge>;
  if (mine?.action === 'withdrawn') return <Badge color="red">{t('consent.state.withdrawn')}</Badge>;
  return <Badge color="yellow">{t('consent.state.none')}</Badge>;
}

function GiveModal({ item, onClose }: { item: TMyConsent; onClose: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswerMyConsent();
  const [accept, setAccept] = useState(false);
  const give = () =>
    answer.mutate(
      { schoolId: item.schoolId, pupilId: item.pupilId, action: 'given', noticeId: item.notice.id },
      {
        onSuccess: () => {
          notifySuccess(t('consent.mine.givenDone'));
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('consent.mine.giveTitle', { name: item.pupilName })} size="lg" centered>
      <Stack gap="md">
        {answer.error && (
          <Alert color="red" variant="light" role="alert">
            {answer.error.message}
          </Alert>
        )}
        <ScrollArea.Autosize mah={360} type="auto" tabIndex={0} aria-label={t('consent.noticeTitle')}>
          <NoticeText notice={item.notice} />
        </ScrollArea.Autosize>
        <Checkbox checked={accept} onChange={(e) => setAccept(e.currentTarget.checked)} label={t('invite.consent')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('consent.cancel')}
          </Button>
          <Button disabled={!accept} loading={answer.isPending} onClick={give}>
            {t('consent.mine.give')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function WithdrawModal({ item, onClose }: { item: TMyConsent; onClose: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswerMyConsent();
  const withdraw = () =>
    answer.mutate(
      { schoolId: item.schoolId, pupilId: item.pupilId, action: 'withdrawn', noticeId: item.notice.id },
      {
        onSuccess: () => {
          notifySuccess(t('consent.mine.withdrawnDone'));
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('consent.mine.withdrawTitle', { name: item.pupilName })} centered>
      <Stack gap="md">
        {answer.error && (
          <Alert color="red" variant="light" role="alert">
            {answer.error.message}
          </Alert>
        )}
        <Text size="sm">{t('consent.mine.withdrawText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('consent.cancel')}
          </Button>
          <Button color="red" loading={answer.isPending} onClick={withdraw}>
            {t('consent.mine.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The notice the parent consented to, to read again at any time. */
function ReadModal({ item, onClose }: { item: TMyConsent; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('consent.noticeTitle')} size="lg" centered>
      <NoticeText notice={item.notice} />
    </Modal>
  );
}

function ChildConsent({ item }: { item: TMyConsent }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'give' | 'withdraw' | 'read' | null>(null);
  const mine = item.mine;
  const given = mine?.action === 'given';
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>{item.pupilName}</Text>
            <Text size="sm" c="dimmed">
              {item.schoolName}
              {item.classLabel ? `, ${item.classLabel}` : ''}
            </Text>
          </Stack>
          <ConsentBadge valid={item.valid} mine={mine} />
        </Group>
        <Text size="sm">
          {mine
            ? t(given ? 'consent.mine.lastGiven' : 'consent.mine.lastWithdrawn', { date: formatDate(mine.signedOn), channel: t(`consent.channel.${mine.channel}`) })
            : t('consent.mine.noAnswer')}
        </Text>
        {!item.valid && <Text size="sm" c="dimmed">{t('consent.mine.closedNote')}</Text>}
        {item.reconfirm && (
          <Alert color="blue" variant="light" title={t('privacyNotice.reconfirm.badge')}>
            {t('privacyNotice.reconfirm.text', { version: item.notice.version, date: formatDate(item.notice.publishedAt.slice(0, 10)) })}
          </Alert>
        )}
        <Group>
          {!given && <Button onClick={() => setOpen('give')}>{t('consent.mine.readAndGive')}</Button>}
          {item.reconfirm && <Button onClick={() => setOpen('give')}>{t('privacyNotice.reconfirm.button')}</Button>}
          {given && !item.reconfirm && (
            <Button variant="default" onClick={() => setOpen('read')}>
              {t('consent.mine.readNotice')}
            </Button>
          )}
          {given && (
            <Button variant="light" color="red" onClick={() => setOpen('withdraw')}>
              {t('consent.mine.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
      {open === 'give' && <GiveModal item={item} onClose={() => setOpen(null)} />}
      {open === 'withdraw' && <WithdrawModal item={item} onClose={() => setOpen(null)} />}
      {open === 'read' && <ReadModal item={item} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

/** The guardian's consent for each child: read the notice, consent, withdraw. */
export function MyConsentRoute() {
  const { t } = useTranslation();
  const consents = useMyConsents();
  return (
    <>
      <PageHeader title={t('consent.mine.title')} description={t('consent.mine.subtitle')} />
      <QueryStatus query={consents}>
        {(items) =>
          items.length ? (
            <Stack gap="md" maw={720}>
              {items.map((item) => (
                <ChildConsent key={`${item.schoolId}-${item.pupilId}`} item={item} />
              ))}
            </Stack>
          ) : (
            <EmptyNote>{t('consent.mine.empty')}</EmptyNote>
          )
        }
      </QueryStatus>
    </>
  );
}
