import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useClassPupils } from '../api/get-class-pupils.js';
import { ClassCard } from './ClassCard.js';
import { ClassMovementSection } from './ClassMovementSection.js';

function MyClass({ schoolId, classId }: { schoolId: number; classId: number }) {
  const query = useClassPupils(schoolId, classId);
  return (
    <QueryStatus query={query}>
      {(data) => (
        <Stack gap="sm">
          <ClassCard schoolId={schoolId} data={data} />
          <ClassMovementSection schoolId={schoolId} classId={classId} label={data.class.label} />
        </Stack>
      )}
    </QueryStatus>
  );
}

/** "Мій клас": each class the person leads, with its pupils. */
export function MyClassSection({ schoolId, classIds }: { schoolId: number; classIds: number[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('people.myClass')}>
      <Stack gap="md">
        {classIds.map((id) => (
          <MyClass key={id} schoolId={schoolId} classId={id} />
        ))}
      </Stack>
    </Section>
  );
}
