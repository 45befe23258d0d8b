import { Alert, Button, Checkbox, Group, List, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCopyResult, TPlan } from '../../../../shared/api/planning.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCopyPlanFrom } from '../api/copy-plan-from.js';
import { useCopyPlanTo } from '../api/copy-plan-to.js';
import { useCopyOptions } from '../api/get-copy-options.js';

/** Reuse of plans: copy this one to parallel classes, or take last year's. */
export function CopyPanel({ schoolId, plan }: { schoolId: number; plan: TPlan }) {
  const { t } = useTranslation();
  const options = useCopyOptions(schoolId, plan.pageId, plan.semester, plan.canCopyToOthers);
  const copyTo = useCopyPlanTo(schoolId, plan.pageId, plan.semester);
  const copyFrom = useCopyPlanFrom(schoolId, plan.pageId, plan.semester);
  const [chosen, setChosen] = useState<number[]>([]);
  const [replace, setReplace] = useState(false);
  const [result, setResult] = useState<TCopyResult | null>(null);
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!plan.canCopyToOthers) return null;
  const targets = options.data?.targets ?? [];
  const sources = options.data?.sources ?? [];
  const sourceId = Number(source || sources[0]?.pageId || 0);

  return (
    <Stack gap="lg">
      {plan.exists && (
        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('planning.copyToTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('planning.copyToHint')}
          </Text>
          {targets.length === 0 ? (
            <Text size="sm">{t('planning.noTargets')}</Text>
          ) : (
            <>
              <Group gap="md">
                {targets.map((p) => (
                  <Checkbox
                    key={p.pageId}
                    label={`${p.label}${p.teacherName ? ` · ${p.teacherName}` : ''}${p.hasPlan ? ` (${t('planning.hasPlan')})` : ''}`}
                    checked={chosen.includes(p.pageId)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setChosen((c) => (on ? [...c, p.pageId] : c.filter((x) => x !== p.pageId)));
                    }}
                  />
                ))}
              </Group>
              <Switch size="sm" label={t('planning.replace')} checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
              <Group>
                <Button
                  variant="light"
                  disabled={!chosen.length}
                  loading={copyTo.isPending}
                  onClick={() => {
                    setError(null);
                    copyTo.mutate({ pageIds: chosen, replace }, { onSuccess: setResult, onError: (e) => setError(e.message) });
                  }}
                >
                  {t('planning.copyTo')}
                </Button>
              </Group>
            </>
          )}
          {result && (
            <Alert color={result.skipped.length ? 'yellow' : 'teal'} variant="light" role="status">
              {result.copied.length > 0 && <Text size="sm">{t('planning.copied', { labels: result.copied.map((c) => c.label).join(', ') })}</Text>}
              {result.skipped.length > 0 && (
                <List size="sm">
                  {result.skipped.map((s) => (
                    <List.Item key={s.pageId}>{t('planning.skipped', { label: s.label, reason: s.reason })}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
        </Stack>
      )}
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('planning.copyFromTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('planning.copyFromHint')}
        </Text>
        {sources.length === 0 ? (
          <Text size="sm">{t('planning.noSources')}</Text>
        ) : (
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('planning.sourcePage')}
              value={String(sourceId)}
              onChange={(e) => setSource(e.currentTarget.value)}
              data={sources.map((s) => ({ value: String(s.pageId), label: `${s.yearName} · ${s.label}${s.teacherName ? ` · ${s.teacherName}` : ''}` }))}
            />
            <Button
              variant="light"
              loading={copyFrom.isPending}
              onClick={() => {
                setError(null);
                copyFrom.mutate({ sourcePageId: sourceId, version: plan.version }, { onSuccess: () => notifySuccess(t('planning.taken')), onError: (e) => setError(e.message) });
              }}
            >
              {t('planning.copyFrom')}
            </Button>
          </Group>
        )}
      </Stack>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
