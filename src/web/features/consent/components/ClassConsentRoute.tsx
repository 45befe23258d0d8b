import { Alert, Anchor, Badge, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRegisterPupil } from '../../../../shared/api/consent.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate } from '../../../lib/format.js';
import { useNumberParam } from '../../../lib/params.js';
import { consentFormsUrl, scanUrl, useClassConsent } from '../api/get-class-consent.js';
import { useInvitationLetters } from '../api/invitation-letters.js';
import { ConsentHistoryModal } from './ConsentHistoryModal.js';
import { type ConsentTarget, RecordConsentModal } from './RecordConsentModal.js';

type Invitation = TRegisterPupil['invitation'];

/** Whether the person has an account, or a code and until when. */
function AccountState({ hasAccount, invitation }: { hasAccount: boolean; invitation: Invitation }) {
  const { t } = useTranslation();
  if (hasAccount) return <Badge variant="light" color="teal">{t('consent.account.has')}</Badge>;
  if (!invitation) return <Text size="xs" c="dimmed">{t('consent.account.none')}</Text>;
  if (invitation.usedAt) return <Badge variant="light">{t('consent.account.used')}</Badge>;
  const expired = Date.parse(invitation.expiresAt) < Date.now();
  return (
    <Text size="xs" c={expired ? 'red' : 'dimmed'}>
      {expired ? t('consent.account.expired') : t('consent.account.code', { date: formatDate(invitation.expiresAt.slice(0, 10)) })}
    </Text>
  );
}

function LettersModal({ schoolId, classId, onClose }: { schoolId: number; classId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const letters = useInvitationLetters(schoolId, classId);
  const [include, setInclude] = useState<'both' | 'guardians' | 'pupils'>('both');
  const print = () =>
    letters.mutate(
      { include },
      {
        onSuccess: (blob) => {
          window.open(URL.createObjectURL(blob), '_blank', 'noopener');
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} centered title={t('consent.letters.title')}>
      <Stack gap="md">
        <Text size="sm">{t('consent.letters.text')}</Text>
        <SegmentedControl
          value={include}
          onChange={(v) => setInclude(v as typeof include)}
          data={[
            { value: 'both', label: t('consent.letters.both') },
            { value: 'guardians', label: t('consent.letters.guardians') },
            { value: 'pupils', label: t('consent.letters.pupils') },
          ]}
        />
        <Alert color="yellow" variant="light">
          {t('consent.letters.warning')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('consent.cancel')}
          </Button>
          <Button loading={letters.isPending} onClick={print}>
            {t('consent.letters.print')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A class's consent register: who consented, how and when; paper consents with scans; withdrawals; letters. */
export function ClassConsentRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const classId = useNumberParam('classId');
  const register = useClassConsent(schoolId, classId);
  const [target, setTarget] = useState<ConsentTarget | null>(null);
  const [history, setHistory] = useState<{ id: number; name: string } | null>(null);
  const [letters, setLetters] = useState(false);
  const label = register.data?.class.label ?? '';
  return (
    <>
      <PageHeader
        title={t('consent.register.title', { label })}
        description={register.data && t('consent.register.summary', { consented: register.data.consented, total: register.data.total, version: register.data.notice.version })}
        aside={
          <Group gap="xs">
            <Button component="a" href={consentFormsUrl(schoolId, classId)} target="_blank" rel="noopener" variant="light">
              {t('consent.register.forms')}
            </Button>
            <Button onClick={() => setLetters(true)}>{t('consent.register.letters')}</Button>
          </Group>
        }
      />
      <QueryStatus query={register}>
        {(r) => (
          <DataTable
            caption={t('consent.register.title', { label })}
            minWidth={860}
            rows={r.pupils}
            rowKey={(p) => p.id}
            columns={[
              {
                key: 'pupil',
                header: t('consent.pupil'),
                cell: (p) => (
                  <Stack gap={4}>
                    <Text fw={600} size="sm">
                      {p.name}
                    </Text>
                    <Group gap={6}>
                      <Badge color={p.valid ? 'teal' : 'yellow'} variant={p.valid ? 'filled' : 'light'}>
                        {p.valid ? t('consent.state.valid') : t('consent.state.none')}
                      </Badge>
                      <AccountState hasAccount={p.hasAccount} invitation={p.invitation} />
                    </Group>
                  </Stack>
                ),
              },
              {
                key: 'guardians',
                header: t('consent.guardians'),
                cell: (p) =>
                  p.guardians.length ? (
                    <Stack gap="xs">
                      {p.guardians.map((g) => {
                        const given = g.latest?.action === 'given';
                        const open = (action: 'given' | 'withdrawn') =>
                          setTarget({ pupilId: p.id, pupilName: p.name, guardianId: g.id, guardianName: g.name, action });
                        return (
                          <Group key={g.id} justify="space-between" wrap="nowrap" gap="sm">
                            <Stack gap={2}>
                              <Text size="sm">
                                {g.name} <Text span c="dimmed" size="xs">({t(`people.relation.${g.relation as "mother" | "father" | "parent" | "guardian"}`)})</Text>
                              </Text>
                              <Group gap={6}>
                                {g.latest ? (
                                  <Text size="xs" c={given ? 'teal' : 'red'}>
                                    {t(given ? 'consent.register.given' : 'consent.register.withdrawn', {
                                      date: formatDate(g.latest.signedOn),
                                      channel: t(`consent.channel.${g.latest.channel}`),
                                    })}
                                  </Text>
                                ) : (
                                  <Text size="xs" c="dimmed">
                                    {t('consent.register.noAnswer')}
                                  </Text>
                                )}
                                {g.latest?.scanId && (
                                  <Anchor size="xs" href={scanUrl(schoolId, g.latest.scanId)} target="_blank" rel="noopener">
                                    {t('consent.history.openScan')}
                                  </Anchor>
                                )}
                                <AccountState hasAccount={g.hasAccount} invitation={g.invitation} />
                              </Group>
                            </Stack>
                            {given ? (
                              <Button size="compact-xs" variant="subtle" color="red" onClick={() => open('withdrawn')}>
                                {t('consent.register.withdraw')}
                              </Button>
                            ) : (
                              <Button size="compact-xs" variant="light" onClick={() => open('given')}>
                                {t('consent.register.recordPaper')}
                              </Button>
                            )}
                          </Group>
                        );
                      })}
                    </Stack>
                  ) : (
                    <Text size="sm" c="red">
                      {t('consent.noGuardians')}
                    </Text>
                  ),
              },
              {
                key: 'actions',
                header: '',
                cell: (p) => (
                  <Stack gap={4} align="flex-end">
                    <Button size="compact-xs" variant="subtle" onClick={() => setHistory({ id: p.id, name: p.name })}>
                      {t('consent.register.history')}
                    </Button>
                    <Anchor size="xs" href={consentFormsUrl(schoolId, classId, p.id)} target="_blank" rel="noopener">
                      {t('consent.register.form')}
                    </Anchor>
                  </Stack>
                ),
              },
            ]}
          />
        )}
      </QueryStatus>
      {target && <RecordConsentModal schoolId={schoolId} target={target} onClose={() => setTarget(null)} />}
      {history && <ConsentHistoryModal schoolId={schoolId} pupilId={history.id} pupilName={history.name} onClose={() => setHistory(null)} />}
      {letters && <LettersModal schoolId={schoolId} classId={classId} onClose={() => setLetters(false)} />}
    </>
  );
}
