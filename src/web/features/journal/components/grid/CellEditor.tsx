import { type KeyboardEvent, useRef, useState } from 'react';
import { type KeyMove, keyMove } from '../../lib/navigation.js';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface CellEditorProps {
  box: Box;
  initial: string;
  /** 'replace' starts from a typed character (arrows then commit and move); 'edit' changes the value in place */
  mode: 'replace' | 'edit';
  verbal: boolean;
  label: string;
  onCommit: (text: string, move: KeyMove | null) => void;
  /** Ctrl+Enter: the typed value for the whole selected block */
  onFill?: (text: string) => void;
  onCancel: () => void;
}

/** The one text input of the grid, laid over the focused cell while the teacher types. */
export function CellEditor({ box, initial, mode, verbal, label, onCommit, onFill, onCancel }: CellEditorProps) {
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const finish = (move: KeyMove | null) => {
    if (done.current) return;
    done.current = true;
    onCommit(text, move);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      done.current = true;
      onCancel();
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onFill) {
      e.preventDefault();
      done.current = true;
      onFill(text);
      return;
    }
    const km = keyMove(e);
    if (!km || km.extend) return;
    const arrow = e.key.startsWith('Arrow');
    const caretKey = e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End';
    if ((mode === 'edit' && caretKey) || (!arrow && !['Enter', 'Tab'].includes(e.key))) return;
    e.preventDefault();
    finish(km);
  };
  return (
    <input
      className={verbal ? 'jg-editor is-verbal' : 'jg-editor'}
      style={{ left: box.left, top: box.top, width: verbal ? Math.max(box.width, 280) : box.width, height: box.height }}
      value={text}
      maxLength={verbal ? 200 : 20}
      aria-label={label}
      autoComplete="off"
      spellCheck={verbal}
      enterKeyHint="next"
      // biome-ignore lint/a11y/noAutofocus: the editor opens because the teacher started typing into the cell
      autoFocus
      onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(null)}
    />
  );
}
