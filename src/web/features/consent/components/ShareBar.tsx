import { Group, Progress, Text } from '@mantine/core';

/** A share as a bar and a percentage, e.g. ▇▇▇▁ 75 %. */
export function ShareBar({ share, label }: { share: number; label: string }) {
  const pct = Math.round(share * 100);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={pct} w={100} color={pct >= 90 ? 'teal' : pct >= 50 ? 'yellow' : 'red'} aria-label={label} />
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {pct} %
      </Text>
    </Group>
  );
}
