import { Button, Collapse, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { useRemarks } from '../api/get-remarks.js';
import { RemarkCard } from './RemarkCard.js';
import { RemarkForm } from './RemarkForm.js';

/**
 * The remarks panel of one journal page, for the journal screen to mount:
 * `<PageRemarks schoolId={schoolId} pageId={pageId} />`. The page's teacher sees and answers the
 * controller's remarks; the controller and the head also record new ones here. Renders nothing
 * for a reader with no remarks to see and none to write.
 */
export function PageRemarks({ schoolId, pageId }: { schoolId: number; pageId: number }) {
  const { t } = useTranslation();
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const controls = roles.includes('head') || roles.includes('controller');
  const mayRead = controls || roles.includes('admin') || roles.includes('teacher');
  const [showClosed, setShowClosed] = useState(false);
  const [adding, setAdding] = useState(false);
  const remarks = useRemarks(schoolId, { pageId, status: showClosed ? 'all' : 'active' });
  if (!mayRead) return null;
  if (!controls && remarks.data && !remarks.data.remarks.length && !showClosed) return null;
  return (
    <Section
      title={t('control.remarksPage')}
      aside={
        <Group gap="sm">
          <Switch size="sm" label={t('control.showClosed')} checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
          {controls && (
            <Button size="compact-sm" variant={adding ? 'default' : 'light'} onClick={() => setAdding((v) => !v)}>
              {adding ? t('control.cancel') : t('control.newRemark')}
            </Button>
          )}
        </Group>
      }
    >
      {controls && (
        <Collapse expanded={adding}>
          <Paper withBorder radius="md" p="md">
            {remarks.data && <RemarkForm schoolId={schoolId} pageId={pageId} today={remarks.data.today} onDone={() => setAdding(false)} />}
          </Paper>
        </Collapse>
      )}
      <QueryStatus query={remarks}>
        {(data) =>
          data.remarks.length ? (
            <Stack gap="sm">
              {data.remarks.map((r) => (
                <RemarkCard key={r.id} schoolId={schoolId} remark={r} showPage={false} />
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('control.remarksNone')}
            </Text>
          )
        }
      </QueryStatus>
    </Section>
  );
}
