import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLoadWarning } from '../../../../shared/api/curriculum.js';

const SHOWN = 8;

/** What needs the administrator's attention: subjects without pages or teachers, hours, overload. */
export function WarningsPanel({ warnings, onClass }: { warnings: readonly TLoadWarning[]; onClass: (classId: number) => void }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (!warnings.length) {
    return (
      <Alert color="teal" variant="light" py="xs">
        {t('curriculum.warnings.none')}
      </Alert>
    );
  }
  // the ones that stop journals from being kept come first
  const order = ['no_page', 'no_teacher', 'over_limit', 'hours_mismatch', 'timetable_mismatch'];
  const sorted = [...warnings].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <Alert color="orange" variant="light" title={t('curriculum.warnings.title', { count: warnings.length })}>
      <Stack gap="xs">
        <List size="sm" spacing={2}>
          {shown.map((w) => (
            <List.Item key={`${w.kind}:${w.pageId}:${w.classId}:${w.subjectId}:${w.teacherId}`}>
              {w.classId !== null ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onClass(w.classId!)} ta="left">
                  {w.message}
                </Anchor>
              ) : (
                <Text size="sm" span>
                  {w.message}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        {sorted.length > SHOWN && (
          <Button variant="subtle" size="xs" onClick={() => setAll((v) => !v)} w="fit-content">
            {all ? t('curriculum.warnings.fewer') : t('curriculum.warnings.all', { count: sorted.length })}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
