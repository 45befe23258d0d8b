import { Accordion, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TQualityKind, ZQualityKind } from '../../../../shared/api/control.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useQuality } from '../api/get-quality.js';
import { formatDate } from '../format.js';

/** Data-quality flags of the period, grouped by kind, each opening the journal. */
export function QualitySection({ schoolId, from, to }: { schoolId: number; from: string; to: string }) {
  const { t } = useTranslation();
  const query = useQuality(schoolId, from, to);
  return (
    <Section title={t('control.quality')}>
      <QueryStatus query={query}>
        {(data) => {
          const kinds = ZQualityKind.options.filter((k) => data.counts[k] > 0);
          if (!kinds.length) return <EmptyNote>{t('control.qualityNone')}</EmptyNote>;
          return (
            <Accordion variant="separated" multiple>
              {kinds.map((k: TQualityKind) => (
                <Accordion.Item key={k} value={k}>
                  <Accordion.Control>
                    <Group gap="sm">
                      <Text fw={500}>{t(`control.qualityKinds.${k}`)}</Text>
                      <Badge color="orange" variant="light">
                        {data.counts[k]}
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap={4}>
                      {data.flags
                        .filter((f) => f.kind === k)
                        .map((f) => (
                          <Group key={`${f.pageId}:${f.lessonId}:${f.pupilId}:${f.detail}`} justify="space-between" wrap="nowrap">
                            <Text size="sm">
                              {f.date ? `${formatDate(f.date)} · ` : ''}
                              {f.pageLabel}
                              {f.pupilName ? ` · ${f.pupilName}` : ''}
                              {f.detail ? ` · ${f.detail}` : ''}
                              <Text span size="xs" c="dimmed">
                                {` · ${f.teacherName}`}
                              </Text>
                            </Text>
                            <Anchor component={Link} to={f.link} size="sm">
                              {t('control.open')}
                            </Anchor>
                          </Group>
                        ))}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          );
        }}
      </QueryStatus>
    </Section>
  );
}
