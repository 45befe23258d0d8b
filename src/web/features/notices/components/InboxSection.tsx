import { Badge, Box, Button, Flex, Group, Modal, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TInboxItem } from '../../../../shared/api/notices.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useInbox } from '../api/get-inbox.js';
import { useReadAnnouncement } from '../api/read-announcement.js';
import { audienceText, formatMoment } from './format.js';

function Item({ item, onOpen }: { item: TInboxItem; onOpen: () => void }) {
  const { t } = useTranslation();
  const unread = !item.readAt;
  return (
    <UnstyledButton onClick={onOpen} w="100%" aria-label={unread ? `${t('notices.unread')}: ${item.title}` : item.title}>
      <Paper withBorder radius="md" p="md" bg={unread ? 'var(--mantine-primary-color-light)' : undefined}>
        {/* on a phone the date and the audience go under the text, so the title has the card's width */}
        <Flex direction={{ base: 'column', xs: 'row' }} justify="space-between" gap={{ base: 6, xs: 'md' }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Box w={10} h={10} mt={6} style={{ borderRadius: 5, flexShrink: 0 }} bg={unread ? 'var(--mantine-primary-color-filled)' : 'transparent'} aria-hidden />
            <Stack gap={2}>
              <Text fw={unread ? 700 : 500}>{item.title}</Text>
              <Text size="sm" c="dimmed" lineClamp={1}>
                {item.body}
              </Text>
            </Stack>
          </Group>
          <Flex direction={{ base: 'row', xs: 'column' }} gap={{ base: 'xs', xs: 2 }} align={{ base: 'center', xs: 'flex-end' }} pl={{ base: 22, xs: 0 }} style={{ flexShrink: 0 }}>
            <Text size="xs" c="dimmed">
              {formatMoment(item.createdAt)}
            </Text>
            <Text size="xs" c="dimmed">
              {audienceText(t, item.audience, item.audienceLabel)}
            </Text>
          </Flex>
        </Flex>
      </Paper>
    </UnstyledButton>
  );
}

/** Announcements of the school for the family (or the pupil), unread first marked; opening one records the receipt. */
export function InboxSection({ schoolId, parent }: { schoolId: number; parent: boolean }) {
  const { t } = useTranslation();
  const inbox = useInbox(schoolId);
  const read = useReadAnnouncement(schoolId);
  const [open, setOpen] = useState<TInboxItem | null>(null);
  const show = (item: TInboxItem) => {
    setOpen(item);
    if (!item.readAt) read.mutate(item.id);
  };
  const unread = inbox.data?.unread ?? 0;
  return (
    <Section
      title={
        <Group gap="xs" component="span">
          {t('notices.inbox')}
          {unread > 0 && <Badge size="lg" circle aria-label={t('notices.unreadCount', { n: unread })}>{unread}</Badge>}
        </Group>
      }
      aside={
        parent && (
          <Group gap="xs">
            <Button component={Link} to={`/s/${schoolId}/notifications`} variant="light" size="xs">
              {t('notices.settings.link')}
            </Button>
            <Button component={Link} to="/consent" variant="light" size="xs">
              {t('consent.mine.link')}
            </Button>
          </Group>
        )
      }
    >
      <QueryStatus query={inbox}>
        {(d) =>
          d.items.length ? (
            <Stack gap="xs" maw={880}>
              {d.items.slice(0, 20).map((item) => (
                <Item key={item.id} item={item} onOpen={() => show(item)} />
              ))}
            </Stack>
          ) : (
            <EmptyNote>{t('notices.empty')}</EmptyNote>
          )
        }
      </QueryStatus>
      {open && (
        <Modal opened onClose={() => setOpen(null)} centered size="lg" title={open.title}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {formatMoment(open.createdAt)} · {open.author}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{open.body}</Text>
          </Stack>
        </Modal>
      )}
    </Section>
  );
}
