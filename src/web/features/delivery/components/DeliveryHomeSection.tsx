import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/Section.js';
import { useDelivery } from '../api/get-delivery.js';

function Card({ to, label, value, color }: { to: string; label: string; value: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
      <Text fz={28} fw={600} lh={1.2} mt={4} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

/** The head's and the controller's home: how far the current semester's programmes are behind. */
export function DeliveryHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const d = useDelivery(schoolId, {}).data;
  const total = d?.total;
  const behind = total ? total.pages - total.pagesDelivered : undefined;
  const semester = d ? `?semester=${d.semester.number}` : '';
  return (
    <Section title={t('delivery.home.title')}>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Card to={`/s/${schoolId}/delivery`} label={t('delivery.home.short')} value={total ? String(total.shortfall) : '…'} color={total?.shortfall ? 'red' : undefined} />
        <Card to={`/s/${schoolId}/delivery/shortfalls${semester}`} label={t('delivery.home.pages')} value={behind === undefined ? '…' : String(behind)} color={behind ? 'red' : undefined} />
        <Card to={`/s/${schoolId}/delivery`} label={t('delivery.home.delivered')} value={total ? `${total.pagesDelivered} / ${total.pages}` : '…'} />
      </SimpleGrid>
    </Section>
  );
}
