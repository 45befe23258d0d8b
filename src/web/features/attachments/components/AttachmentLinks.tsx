import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAttachmentLink } from '../../../../shared/api/attachments.js';
import { formatSize } from '../format.js';
import { PaperclipIcon } from './PaperclipIcon.js';

/** Homework files as links that open (PDF, images) or download (office files) the file. */
export function AttachmentLinks({ files }: { files: TAttachmentLink[] }) {
  const { t } = useTranslation();
  if (!files.length) return null;
  const units = t('attachments.units', { returnObjects: true });
  return (
    <Group gap="xs" mt={2} wrap="wrap" aria-label={t('attachments.diaryFiles')}>
      {files.map((f) => (
        <Anchor key={f.id} href={f.url} target="_blank" rel="noopener" size="sm" title={t('attachments.open', { name: f.name })}>
          <Group gap={4} wrap="nowrap" component="span">
            <PaperclipIcon />
            <span>{f.name}</span>
            {/* the size stays whole ("765 Б") when a long name leaves it little room on a phone */}
            <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              ({formatSize(f.size, units)})
            </Text>
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}
