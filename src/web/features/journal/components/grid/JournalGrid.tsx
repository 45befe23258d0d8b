import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useMemo,
  useId,
  useRef,
  useState,
} from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TJournalPage } from '../../../../../shared/api/journal.js';
import { cellKeyAt, type GridModel, isCellWritable } from '../../lib/grid-model.js';
import {
  applyMove,
  blockCells,
  clampSelection,
  columnRect,
  isSingleCell,
  isTypingKey,
  type KeyMove,
  keyMove,
  type Pos,
  type Rect,
  type Selection,
  selectionRect,
} from '../../lib/navigation.js';
import { cellText } from '../../lib/cells.js';
import { parseTsv, placeBlock, toTsv } from '../../lib/paste.js';
import { cellId, columnInfos, type RowTexts } from '../../lib/row-html.js';
import type { SaveQueue } from '../../lib/save-queue.js';
import { BulkBar } from './BulkBar.js';
import { CellBar } from './CellBar.js';
import { type Box, CellEditor } from './CellEditor.js';
import { ConflictPopover } from './ConflictPopover.js';
import { GridColumns, GridHeader } from './GridHeader.js';
import { GridRow } from './GridRow.js';
import { columnTitle, columnWidth, type GridTarget, startCell, translatedOnce } from './labels.js';
import { useFocusBoxes, useRenderMeasure } from './useFocusBoxes.js';
import { useCellEdits } from './useCellEdits.js';
import { usePencilCounts } from './usePencilCounts.js';
import { useRowRevisions } from './useRowRevisions.js';
import './grid.css';

/** Which history to show: a lesson cell, a summary cell. */
export type CellHistoryTarget = { lessonId?: number; columnId?: number; pupilId: number; title: string };

interface JournalGridProps {
  data: TJournalPage;
  model: GridModel;
  queue: SaveQueue;
  onOpenLesson: (lessonId: number) => void;
  onOpenHistory: (target: CellHistoryTarget) => void;
  /** the cell a link points at (focused and scrolled into view on opening) */
  target?: GridTarget;
}

const HIDDEN = { display: 'none' } as const;

const cellOf = (target: EventTarget | null): HTMLTableCellElement | null => (target instanceof Element ? target.closest('tbody td') : null);
const posOf = (td: HTMLTableCellElement): Pos => ({ row: (td.parentElement as HTMLTableRowElement).sectionRowIndex, col: td.cellIndex - 1 });

/**
 * The journal grid, driven like a spreadsheet: one focused cell and a selected block, keys and
 * mouse handled once on the container, one input laid over the cell being typed into.
 */
export function JournalGrid({ data, model, queue, onOpenLesson, onOpenHistory, target }: JournalGridProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const focusRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const bounds = useMemo(() => ({ rows: model.rows.length, cols: model.columns.length }), [model]);
  const [sel, setSel] = useState<Selection>(() => {
    const start = startCell(model, target);
    return { anchor: start, focus: start };
  });
  // the cell being typed into is fixed when typing starts: a click elsewhere commits to it, not to the clicked cell
  // `rect` is the block selected when typing started (Ctrl+Enter fills it); `fill` when «Заповнити виділене» opened the editor
  const [editing, setEditing] = useState<{ text: string; mode: 'replace' | 'edit'; pos: Pos; box: Box; label: string; rect: Rect; fill: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revisions = useRowRevisions(queue);
  const reactId = useId().replace(/[^\w-]/g, '');
  const idPrefix = `${reactId}-`;
  const hintId = `${reactId}-keys`;
  const writable = model.columns.some((c) => c.writable);
  const edits = useCellEdits(data, model, queue);
  const { page } = data;
  const verbal = page.scale.freeText;
  // a fixed table with a known width lays out without measuring its cells
  const tableWidth = useMemo(() => model.columns.reduce((sum, c) => sum + columnWidth(c, verbal), 0), [model, verbal]);
  const infos = useMemo(() => columnInfos(model, verbal), [model, verbal]);
  const substituteIds = useMemo(() => new Set(page.substituteLessonIds), [page.substituteLessonIds]);
  const texts = useMemo<RowTexts>(
    () => ({ notEnrolled: t('journal.grid.notEnrolled'), suggested: translatedOnce((value) => t('journal.grid.suggested', { value })), tentative: t('timesavers.tentativeTitle') }),
    [t],
  );

  const safeSel = useMemo(() => clampSelection(sel, bounds), [sel, bounds]);
  const rect = useMemo(() => selectionRect(safeSel), [safeSel]);
  const focusColumn = model.columns[safeSel.focus.col];
  const focusRow = model.rows[safeSel.focus.row];
  const focusKey = focusColumn && focusRow ? cellKeyAt(focusColumn, focusRow.pupil.id) : null;
  const focusStatus = focusKey ? queue.status(focusKey) : null;

  useRenderMeasure(model);
  const { boxes, latest: placed } = useFocusBoxes({ scrollRef, bodyRef, focusRef, focus: safeSel.focus, rect, model });

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const refocus = useCallback(() => tableRef.current?.focus({ preventScroll: true }), []);

  const startEditing = (text: string | null, fill = false) => {
    const box = placed.current?.focus;
    if (!focusColumn || !focusRow || !focusKey || !box) return;
    if (!fill && !isCellWritable(focusColumn, focusRow.pupil)) {
      setNotice(t('journal.grid.readOnlyCell'));
      return;
    }
    setNotice(fill ? t('timesavers.fillTitle') : null);
    const current = queue.value(focusKey);
    const where = { pos: safeSel.focus, box, label: `${focusRow.pupil.name} · ${columnTitle(t, focusColumn)}`, rect, fill };
    setEditing(text === null ? { ...where, text: cellText(current), mode: 'edit' } : { ...where, text, mode: 'replace' });
  };

  const cellName = (p: Pos) => `${model.rows[p.row]?.pupil.name} · ${model.columns[p.col] ? columnTitle(t, model.columns[p.col]) : ''}`;

  /** One value for the whole block, saved as one (all or nothing); a value that does not fit is refused whole. */
  const fillBlock = (block: Rect, text: string) => {
    const { applied, skipped, refused } = edits.fillBlock(block, text);
    if (refused?.length) {
      const names = refused.slice(0, 4).map((r) => cellName(r.pos)).join('; ') + (refused.length > 4 ? ' …' : '');
      setNotice(t('timesavers.fillRefused', { reason: refused[0].problem, cells: names }));
    } else {
      setNotice([t('timesavers.filled', { count: applied }), skipped ? t('journal.grid.pasteSkipped', { count: skipped }) : ''].join(' ').trim());
    }
    refocus();
  };

  const confirmBlock = (block: Rect) => {
    const { writable: cells } = blockCells(block, model, isCellWritable);
    const count = edits.confirmCells(cells);
    setNotice(count ? t('timesavers.confirmed', { count }) : t('timesavers.nothingToConfirm'));
    refocus();
  };

  const pencil = usePencilCounts(model, queue, revisions, writable, rect, safeSel.focus);

  /** Enter, Tab and arrows commit and move on; a click elsewhere (blur) only commits. */
  const commit = (text: string, move: KeyMove | null) => {
    if (!editing) return;
    setEditing(null);
    if (editing.fill) {
      if (move) fillBlock(editing.rect, text);
      else setNotice(null);
      return;
    }
    edits.applyTexts([{ row: editing.pos.row, col: editing.pos.col, text }]);
    if (!move) return;
    setSel(applyMove({ anchor: editing.pos, focus: editing.pos }, move, bounds));
    refocus();
  };

  const openHistory = () => {
    if (!focusColumn || !focusRow) return;
    const where = focusColumn.kind === 'lesson' ? { lessonId: focusColumn.id } : { columnId: focusColumn.id };
    onOpenHistory({ ...where, pupilId: focusRow.pupil.id, title: `${focusRow.pupil.name} · ${columnTitle(t, focusColumn)}` });
  };

  const goTo = (pos: Pos | null) => pos && setSel({ anchor: pos, focus: pos });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== tableRef.current || editing) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.code === 'KeyZ' || e.code === 'KeyY')) {
      e.preventDefault();
      goTo(e.code === 'KeyY' || e.shiftKey ? edits.redo() : edits.undo());
      return;
    }
    if (e.altKey && e.code === 'KeyH') {
      e.preventDefault();
      openHistory();
      return;
    }
    if (e.altKey && e.code === 'KeyP' && writable) {
      e.preventDefault();
      confirmBlock(rect);
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      startEditing(null);
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const { skipped } = edits.clear(rect);
      setNotice(skipped ? t('journal.grid.pasteSkipped', { count: skipped }) : null);
      return;
    }
    if (e.key === 'Escape') {
      setSel({ anchor: safeSel.focus, focus: safeSel.focus });
      return;
    }
    const km = keyMove(e);
    if (km) {
      const next = applyMove(safeSel, km, bounds, Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / 31) - 3));
      // Tab at the row's end leaves the grid, so keyboard users are never trapped
      if (e.key === 'Tab' && next.focus.col === safeSel.focus.col) return;
      e.preventDefault();
      setNotice(null);
      setSel(next);
      return;
    }
    if (isTypingKey(e)) {
      e.preventDefault();
      startEditing(e.key);
    }
  };

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button[data-lesson]') : null;
    if (button) return;
    const td = cellOf(e.target);
    if (!td || e.button !== 0) return;
    const pos = posOf(td);
    const same = pos.row === safeSel.focus.row && pos.col === safeSel.focus.col;
    setSel(e.shiftKey ? { anchor: safeSel.anchor, focus: pos } : { anchor: pos, focus: pos });
    setNotice(null);
    dragging.current = !e.shiftKey;
    // a tap on the focused cell opens the editor (phones have no keys to start typing with)
    if (same && !e.shiftKey && window.matchMedia('(pointer: coarse)').matches) startEditing(null);
  };

  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current || (e.buttons & 1) === 0) return;
    const td = cellOf(e.target);
    if (!td) return;
    const pos = posOf(td);
    setSel((s) => (s.focus.row === pos.row && s.focus.col === pos.col ? s : { anchor: s.anchor, focus: pos }));
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button[data-lesson]') : null;
    if (button) onOpenLesson(Number(button.dataset.lesson));
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || e.target instanceof HTMLInputElement) return;
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    e.preventDefault();
    const placed = placeBlock(block, rect, bounds);
    const { applied, skipped } = edits.applyTexts(placed);
    const last = placed[placed.length - 1];
    if (last) setSel({ anchor: { row: rect.top, col: rect.left }, focus: { row: last.row, col: last.col } });
    setNotice([t('journal.grid.pasted', { count: applied }), skipped ? t('journal.grid.pasteSkipped', { count: skipped }) : ''].join(' ').trim());
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || e.target instanceof HTMLInputElement) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', toTsv(edits.blockTexts(rect)));
  };

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    // leaving the grid saves at once instead of waiting for the pause
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void queue.flushNow();
  };

  const conflict = focusStatus?.kind === 'conflict' && !editing ? focusStatus.theirs : null;
  return (
    <>
    <div className="jg-frame">
      <CellBar
        column={focusColumn}
        row={focusRow}
        value={focusKey ? queue.value(focusKey) : { mark: '', absent: false }}
        status={focusStatus}
        notice={notice}
        onHistory={openHistory}
        onLesson={onOpenLesson}
      />
      {pencil && (
        <BulkBar
          block={!isSingleCell(rect)}
          pencil={pencil}
          onFill={() => startEditing('', true)}
          onConfirmSelection={() => confirmBlock(rect)}
          onConfirmLesson={() => confirmBlock(columnRect(safeSel.focus.col, model.rows.length))}
        />
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the scroll box hears the events of every cell and of the focusable grid inside it, once */}
      <div
        ref={scrollRef}
        className="jg-scroll"
        data-testid="journal-grid"
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
        onMouseMove={onMouseMove}
        onClick={onClick}
        onDoubleClick={(e) => cellOf(e.target) && startEditing(null)}
        onPaste={onPaste}
        onCopy={onCopy}
        onBlur={onBlur}
        role="presentation"
      >
        <table
          ref={tableRef}
          className="jg-table"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid is a table with role grid (WAI-ARIA APG)
          role="grid"
          tabIndex={0}
          aria-label={t('journal.grid.label')}
          aria-readonly={!writable}
          aria-rowcount={model.rows.length + 2}
          aria-colcount={model.columns.length + 1}
          aria-activedescendant={cellId(safeSel.focus.row, safeSel.focus.col, idPrefix)}
          aria-describedby={hintId}
          style={{ width: `calc(var(--jg-pupil-w) + ${tableWidth}px)` }}
        >
          <GridColumns model={model} verbal={verbal} />
          <GridHeader model={model} substituteIds={substituteIds} />
          <tbody ref={bodyRef}>
            {model.rows.map((row) => (
              <GridRow key={row.pupil.id} row={row} infos={infos} idPrefix={idPrefix} queue={queue} scale={page.scale} revision={revisions.get(row.pupil.id) ?? 0} texts={texts} />
            ))}
          </tbody>
        </table>
        {boxes?.block && <div className="jg-sel" style={boxes.block} />}
        {boxes && conflict && focusKey ? (
          <ConflictPopover
            theirs={conflict}
            mine={queue.value(focusKey)}
            onKeepTheirs={() => {
              queue.keepTheirs([focusKey]);
              refocus();
            }}
            onOverwrite={() => {
              void queue.overwrite([focusKey]);
              refocus();
            }}
          >
            <div className="jg-focus" style={boxes.focus} />
          </ConflictPopover>
        ) : (
          // placed by useFocusBoxes: hidden until the first placement, written to the element on it
          <div ref={focusRef} className="jg-focus" style={boxes?.focus ?? HIDDEN} />
        )}
        {editing && (
          <CellEditor
            box={editing.box}
            initial={editing.text}
            mode={editing.mode}
            verbal={verbal && model.columns[editing.pos.col]?.kind === 'lesson'}
            label={editing.label}
            onCommit={commit}
            onFill={(text) => {
              const block = editing.rect;
              setEditing(null);
              fillBlock(block, text);
            }}
            onCancel={() => {
              setEditing(null);
              refocus();
            }}
          />
        )}
      </div>
    </div>
    <Text id={hintId} size="xs" c="dimmed" visibleFrom="sm">
      {writable ? `${t('journal.screen.keysHint')} ${t('timesavers.keysHint')}` : t('journal.screen.keysHintReadOnly')}
    </Text>
    </>
  );
}
