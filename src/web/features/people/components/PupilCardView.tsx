import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPupilCard } from '../../../../shared/api/people.js';
import { formatDate } from '../../../lib/format.js';

const RELATIONS = ['mother', 'father', 'parent', 'guardian'] as const;
type Relation = (typeof RELATIONS)[number];
const isRelation = (value: string): value is Relation => (RELATIONS as readonly string[]).includes(value);

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

/** A pupil's class, date of birth, and parents or guardians with their phones. */
export function PupilCardView({ pupil }: { pupil: TPupilCard }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Fact label={t('people.class')} value={pupil.classLabel ?? t('common.none')} />
          <Fact label={t('people.birthDate')} value={pupil.birthDate ? formatDate(pupil.birthDate) : t('common.none')} />
        </SimpleGrid>
      </Paper>
      <Stack gap="sm">
        <Title order={2} fz="xl">
          {t('people.guardians')}
        </Title>
        {pupil.guardians.length ? (
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Tbody>
                {pupil.guardians.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td fw={500}>{g.name}</Table.Td>
                    <Table.Td c="dimmed">{isRelation(g.relation) ? t(`people.relation.${g.relation}`) : g.relation}</Table.Td>
                    <Table.Td>{g.phone ? <a href={`tel:${g.phone}`}>{g.phone}</a> : t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ) : (
          <Text c="dimmed">{t('people.guardiansEmpty')}</Text>
        )}
      </Stack>
    </Stack>
  );
}
