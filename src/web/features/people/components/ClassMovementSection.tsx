import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { useClassMovement } from '../api/get-class-movement.js';
import { MovementTable } from './MovementTable.js';

/** The class teacher's movement list of a class: who arrived and who left, with dates and orders. */
export function ClassMovementSection({ schoolId, classId, label }: { schoolId: number; classId: number; label: string }) {
  const { t } = useTranslation();
  const movement = useClassMovement(schoolId, classId);
  return (
    <QueryStatus query={movement}>
      {(list) =>
        list.length ? (
          <Stack gap="xs">
            <Text fw={600}>
              {t('admin.class.movement')}: {label}
            </Text>
            <MovementTable movement={list} />
          </Stack>
        ) : null
      }
    </QueryStatus>
  );
}
