import { Paper, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format.js';

/** One figure with its label, e.g. "Учнів 412". */
export function StatCard({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={600} lh={1.2} mt={4}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}
