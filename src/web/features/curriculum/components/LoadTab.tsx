import { Grid, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useLoad } from '../api/get-load.js';
import { AddPageForm } from './AddPageForm.js';
import { LoadPagesTable } from './LoadPagesTable.js';
import { TeachersLoad } from './TeachersLoad.js';
import { WarningsPanel } from './WarningsPanel.js';

/** The teaching load of one class at a time, the teachers' totals and the warnings. */
export function LoadTab({ schoolId, canEdit }: { schoolId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const load = useLoad(schoolId);
  const [classId, setClassId] = useState<string | null>(null);
  return (
    <QueryStatus query={load}>
      {(data) => {
        const chosen = classId ?? (data.classes[0] ? String(data.classes[0].id) : null);
        const cls = data.classes.find((c) => String(c.id) === chosen);
        const pages = data.pages.filter((p) => String(p.classId) === chosen);
        return (
          <Stack gap="lg">
            <WarningsPanel warnings={data.warnings} onClass={(id) => setClassId(String(id))} />
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, xl: 8 }}>
                <Section
                  title={cls ? t('curriculum.load.classTitle', { label: cls.label }) : t('curriculum.load.title')}
                  aside={
                    <Select
                      aria-label={t('curriculum.load.class')}
                      data={data.classes.map((c) => ({ value: String(c.id), label: c.label }))}
                      value={chosen}
                      onChange={setClassId}
                      searchable
                      allowDeselect={false}
                      w={120}
                      comboboxProps={{ shadow: 'md' }}
                    />
                  }
                >
                  <LoadPagesTable schoolId={schoolId} pages={pages} teachers={data.teachers} scales={data.scales} canEdit={canEdit && data.year.status === 'open'} />
                  {cls && canEdit && data.year.status === 'open' && <AddPageForm schoolId={schoolId} cls={cls} teachers={data.teachers} scales={data.scales} />}
                </Section>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 4 }}>
                <TeachersLoad schoolId={schoolId} teachers={data.teachers} limit={data.maxTeacherHours} canEdit={canEdit} />
              </Grid.Col>
            </Grid>
          </Stack>
        );
      }}
    </QueryStatus>
  );
}
