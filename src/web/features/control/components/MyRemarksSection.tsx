import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/ui/Section.js';
import { useRemarks } from '../api/get-remarks.js';
import { RemarkCard } from './RemarkCard.js';

/** The teacher's home: the controller's open remarks on their own pages (nothing when there are none). */
export function MyRemarksSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const remarks = useRemarks(schoolId, { mine: true, status: 'open' });
  if (!remarks.data?.remarks.length) return null;
  return (
    <Section title={t('control.remarksMine')}>
      <Stack gap="sm">
        {remarks.data.remarks.map((r) => (
          <RemarkCard key={r.id} schoolId={schoolId} remark={r} />
        ))}
      </Stack>
    </Section>
  );
}
