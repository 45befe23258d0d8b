import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClassGroups, TGroup } from '../../../../shared/api/curriculum.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { notifyError, notifySuccess } from '../../../lib/notify.js';
import { useChangeGroup } from '../api/change-group.js';
import { useClassGroups } from '../api/get-class-groups.js';
import { useLoad } from '../api/get-load.js';

/** Split groups of a class ("I група", "II група"): create them and tick their pupils. */
export function GroupsTab({ schoolId, canEdit }: { schoolId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const load = useLoad(schoolId);
  const [classId, setClassId] = useState<string | null>(null);
  const chosen = classId ?? (load.data?.classes[0] ? String(load.data.classes[0].id) : null);
  const groups = useClassGroups(schoolId, chosen ? Number(chosen) : null);
  return (
    <Stack gap="md">
      <Select
        label={t('curriculum.groups.class')}
        data={(load.data?.classes ?? []).map((c) => ({ value: String(c.id), label: c.label }))}
        value={chosen}
        onChange={setClassId}
        searchable
        allowDeselect={false}
        w={160}
        comboboxProps={{ shadow: 'md' }}
      />
      {chosen && <QueryStatus query={groups}>{(data) => <ClassGroups schoolId={schoolId} data={data} canEdit={canEdit} />}</QueryStatus>}
    </Stack>
  );
}

function ClassGroups({ schoolId, data, canEdit }: { schoolId: number; data: TClassGroups; canEdit: boolean }) {
  const { t } = useTranslation();
  const change = useChangeGroup(schoolId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    change.mutate({ kind: 'add', classId: data.classId, name }, { onSuccess: () => setName(''), onError: (err) => setError(err.message) });
  };
  return (
    <Stack gap="md">
      {data.groups.length ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {data.groups.map((g) => (
            <GroupCard key={g.id} schoolId={schoolId} group={g} pupils={data.pupils} canEdit={canEdit} />
          ))}
        </SimpleGrid>
      ) : (
        <EmptyNote>{t('curriculum.groups.none', { label: data.classLabel })}</EmptyNote>
      )}
      {canEdit && (
        <form onSubmit={add} noValidate>
          <Stack gap="xs" maw={520}>
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Group align="flex-end" gap="sm">
              <TextInput label={t('curriculum.groups.newName')} placeholder={t('curriculum.groups.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={40} w={240} />
              <Button type="submit" loading={change.isPending}>
                {t('curriculum.groups.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function GroupCard({ schoolId, group, pupils, canEdit }: { schoolId: number; group: TGroup; pupils: TClassGroups['pupils']; canEdit: boolean }) {
  const { t } = useTranslation();
  const change = useChangeGroup(schoolId);
  const [members, setMembers] = useState<string[]>(group.pupilIds.map(String));
  useEffect(() => setMembers(group.pupilIds.map(String)), [group.pupilIds]);
  const dirty = members.slice().sort().join() !== group.pupilIds.map(String).sort().join();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="md">
            {group.name}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t('curriculum.groups.count', { count: members.length })}</Badge>
            {canEdit && group.pages === 0 && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('curriculum.groups.delete', { name: group.name })}
                onClick={() => change.mutate({ kind: 'delete', groupId: group.id }, { onError: notifyError })}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        </Group>
        {group.pages > 0 && (
          <Text size="xs" c="dimmed">
            {t('curriculum.groups.pages', { count: group.pages })}
          </Text>
        )}
        <Checkbox.Group value={members} onChange={setMembers} label={t('curriculum.groups.pupils', { name: group.name })}>
          <Stack gap={4} mt={6}>
            {pupils.map((p) => (
              <Checkbox key={p.id} value={String(p.id)} label={p.name} disabled={!canEdit} size="sm" />
            ))}
          </Stack>
        </Checkbox.Group>
        {canEdit && (
          <Button
            variant={dirty ? 'filled' : 'default'}
            disabled={!dirty}
            loading={change.isPending}
            onClick={() =>
              change.mutate({ kind: 'members', groupId: group.id, pupilIds: members.map(Number) }, { onSuccess: () => notifySuccess(t('curriculum.groups.saved')), onError: notifyError })
            }
            w="fit-content"
          >
            {t('curriculum.groups.save')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
