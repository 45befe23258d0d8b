import { Alert, Badge, Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TJournalPage } from '../../../../shared/api/journal.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { entriesQueue } from '../api/entries.js';
import { useJournalPage } from '../api/page.js';
import { buildGridModel } from '../lib/grid-model.js';
import type { SaveQueue } from '../lib/save-queue.js';
import { AddLessonModal } from './grid/AddLessonModal.js';
import { HistoryDrawer } from './grid/HistoryDrawer.js';
import { IconPlus } from './grid/icons.js';
import { remarksQueryOptions } from '../../control/api/get-remarks.js';
import { PageRemarks } from '../../control/components/PageRemarks.js';
import { PlanBanner } from '../../planning/components/PlanBanner.js';
import { type CellHistoryTarget, JournalGrid } from './grid/JournalGrid.js';
import type { GridTarget } from './grid/labels.js';
import { LessonDrawer } from './grid/LessonDrawer.js';
import { ReasonModal } from './grid/ReasonModal.js';
import { SaveStatus } from './grid/SaveStatus.js';
import { LeaveGuard } from './LeaveGuard.js';
import { useQueueSummary } from './grid/useRowRevisions.js';

interface JournalScreenProps {
  schoolId: number;
  pageId: number;
}

/** A journal page: header with the semester switch and the save status, the grid, the lesson and history panels. */
export function JournalScreen({ schoolId, pageId }: JournalScreenProps) {
  // the semester is in the address (?semester=2), so a link opens the same view
  const [params, setParams] = useSearchParams();
  const semester = params.get('semester') === '2' ? 2 : params.get('semester') === '1' ? 1 : undefined;
  const query = useJournalPage(schoolId, pageId, semester);
  // a link to one cell (the head's drill-down): ?lesson=&pupil= or ?column=&pupil=
  const target = useMemo(() => {
    const num = (key: string) => (params.get(key) && Number(params.get(key)) > 0 ? Number(params.get(key)) : undefined);
    return { lessonId: num('lesson'), columnId: num('column'), pupilId: num('pupil') };
  }, [params]);
  const data = query.data;
  useEffect(() => {
    // the linked lesson is in the other semester: open that one (the link does not say which)
    if (!data || semester !== undefined || !target.lessonId || data.lessons.some((l) => l.id === target.lessonId)) return;
    const other = data.page.semesters.find((s) => s.number !== data.semester);
    if (other) setParams((p) => ({ ...Object.fromEntries(p), semester: String(other.number) }), { replace: true });
  }, [data, semester, target.lessonId, setParams]);
  const queue = useMemo(() => entriesQueue(schoolId, pageId), [schoolId, pageId]);
  const client = useQueryClient();
  useEffect(() => {
    // the page's remarks (PageRemarks, under the grid) are asked for beside the page, not after it has been drawn
    void client.prefetchQuery(remarksQueryOptions(schoolId, { pageId, status: 'active' }));
  }, [client, schoolId, pageId]);
  useEffect(() => {
    // changes left from an earlier visit (a failed save, a lost session) go out again
    if (queue.hasUnsaved()) void queue.flushNow();
  }, [queue]);
  return (
    <QueryStatus query={query}>
      {(data) => (
        <JournalPageView
          schoolId={schoolId}
          data={data}
          target={target}
          queue={queue}
          switching={query.isPlaceholderData}
          onSemester={(n) => {
            void queue.flushNow();
            setParams({ semester: String(n) }, { replace: true });
          }}
        />
      )}
    </QueryStatus>
  );
}

interface JournalPageViewProps {
  schoolId: number;
  data: TJournalPage;
  queue: SaveQueue;
  switching: boolean;
  onSemester: (semester: number) => void;
  target: GridTarget;
}

function JournalPageView({ schoolId, data, queue, switching, onSemester, target }: JournalPageViewProps) {
  const { t } = useTranslation();
  const { page } = data;
  const model = useMemo(() => {
    const m = buildGridModel(data);
    // the queue learns what the server holds before the first cell reads it
    queue.absorb(m.stored);
    return m;
  }, [data, queue]);
  const summary = useQueueSummary(queue);
  const [lessonId, setLessonId] = useState<number | null>(null);
  const [history, setHistory] = useState<CellHistoryTarget | null>(null);
  const [adding, setAdding] = useState(false);
  const [reasonOpen, setReasonOpen] = useState(false);
  const lastReason = useRef('');
  const seenReasons = useRef(0);
  useEffect(() => {
    // new changes that need a reason open the question at once; "Later" leaves them waiting on their cells
    if (summary.reasons > seenReasons.current) setReasonOpen(true);
    seenReasons.current = summary.reasons;
  }, [summary.reasons]);

  const lesson = lessonId === null ? null : (data.lessons.find((l) => l.id === lessonId) ?? null);
  const open = page.yearStatus === 'open';
  const readOnly = !open || (!page.canWrite && page.substituteLessonIds.length === 0);
  const title = `${page.classLabel} · ${page.subjectName}${page.groupName ? ` (${page.groupName})` : ''}`;
  const canAdd = open && page.canWrite;
  const showStatus = !readOnly || queue.hasUnsaved();
  const semesterLabel = (n: number) => (n === 2 ? t('school.semester2') : t('school.semester1'));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs" align="center">
            <Title order={1} fz={{ base: 22, sm: 26 }}>
              {title}
            </Title>
            {readOnly && (
              <Badge variant="light" color="gray" tt="none" size="lg" fw={600}>
                {t('journal.screen.readOnly')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('journal.screen.teacher', { name: page.teacherName ?? t('journal.screen.noTeacher') })} · {page.scale.name} ·{' '}
            {page.yearName}
          </Text>
        </Stack>
        <Group gap="sm">
          {switching && <Loader size="xs" />}
          <SegmentedControl
            size="sm"
            aria-label={t('journal.screen.semester')}
            value={String(data.semester)}
            onChange={(v) => onSemester(Number(v))}
            data={page.semesters.map((s) => ({ value: String(s.number), label: semesterLabel(s.number) }))}
          />
        </Group>
      </Group>

      <PlanBanner schoolId={schoolId} pageId={page.id} semester={data.semester} isTeacher={page.canWrite} />
      {!open && (
        <Alert color="gray" variant="light" p="xs">
          <Text size="sm">{t('journal.screen.yearClosed')}</Text>
        </Alert>
      )}
      {open && !page.canWrite && page.substituteLessonIds.length > 0 && (
        <Alert color="teal" variant="light" p="xs">
          <Text size="sm">{t('journal.screen.substituteOnly')}</Text>
        </Alert>
      )}

      {(showStatus || canAdd) && (
        <Group justify="space-between" gap="sm" mih={30}>
          {showStatus ? <SaveStatus summary={summary} onRetry={() => void queue.flushNow()} onGiveReason={() => setReasonOpen(true)} /> : <span />}
          {canAdd && (
            <Button size="compact-md" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('journal.screen.addLesson')}
            </Button>
          )}
        </Group>
      )}

      {model.rows.length === 0 ? (
        <EmptyNote>{t('journal.screen.noPupils')}</EmptyNote>
      ) : model.columns.length === 0 ? (
        <EmptyNote>{t('journal.screen.noLessons')}</EmptyNote>
      ) : (
        <JournalGrid
          key={`${page.id}:${data.semester}:${target.lessonId ?? target.columnId ?? ''}:${target.pupilId ?? ''}`}
          data={data}
          model={model}
          queue={queue}
          onOpenLesson={setLessonId}
          onOpenHistory={setHistory}
          target={target}
        />
      )}
      <PageRemarks schoolId={schoolId} pageId={page.id} />

      {/* panels are mounted only while open: closed Mantine overlays still cost a render each */}
      {lesson && <LessonDrawer schoolId={schoolId} page={page} lesson={lesson} onClose={() => setLessonId(null)} />}
      {history && <HistoryDrawer schoolId={schoolId} pageId={page.id} target={history} onClose={() => setHistory(null)} />}
      {adding && <AddLessonModal schoolId={schoolId} pageId={page.id} today={page.today} opened onClose={() => setAdding(false)} />}
      {reasonOpen && summary.reasons > 0 && (
        <ReasonModal
          opened
          days={page.lateEditDays}
          lastReason={lastReason.current}
          onSubmit={(reason) => {
            lastReason.current = reason;
            setReasonOpen(false);
            void queue.giveReason(reason);
          }}
          onDiscard={() => {
            queue.discard(queue.keysWith('reason'));
            setReasonOpen(false);
          }}
          onClose={() => setReasonOpen(false)}
        />
      )}
      <LeaveGuard queue={queue} />
    </Stack>
  );
}
