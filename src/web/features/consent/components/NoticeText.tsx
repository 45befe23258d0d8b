import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TNotice } from '../../../../shared/api/consent.js';
import { formatDate } from '../../../lib/format.js';

/** The privacy notice as a guardian reads it: title, version, the text and the purposes. */
export function NoticeText({ notice }: { notice: TNotice }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg">
        {notice.title}
      </Title>
      <Text size="sm" c="dimmed">
        {t('consent.noticeVersion', { version: notice.version, date: formatDate(notice.publishedAt.slice(0, 10)) })}
      </Text>
      {notice.body.split(/\n\s*\n/).map((p) => (
        <Text key={p.slice(0, 40)} size="sm">
          {p}
        </Text>
      ))}
      <Text size="sm" fw={600}>
        {t('consent.purposes')}
      </Text>
      <List size="sm" spacing={4}>
        {notice.purposes.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
