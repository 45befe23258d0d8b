import { describe, expect, it } from 'vitest';
import { cellText, confirmed, lessonCellKey, readCellInput, refOfKey, sameValue, summaryCellKey } from './cells.js';

const points12 = { code: 'points12', name: '12-бальна', values: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], freeText: false };
const levels = { code: 'levels', name: 'Рівні', values: ['П', 'С', 'Д', 'В'], freeText: false };
const verbal = { code: 'verbal', name: 'Вербальне', values: [], freeText: true };
const g7 = { grade: 7, passFail: false };

describe('cell keys', () => {
  it('names lesson and summary cells apart and reads them back', () => {
    expect(lessonCellKey(10, 3)).toBe('10:3');
    expect(summaryCellKey(10, 3)).toBe('s10:3');
    expect(refOfKey('10:3')).toEqual({ kind: 'lesson', lessonId: 10, pupilId: 3 });
    expect(refOfKey('s10:3')).toEqual({ kind: 'summary', columnId: 10, pupilId: 3 });
  });
});

describe('readCellInput', () => {
  it('reads н, Н and Latin n as absence in a lesson cell, clearing the mark', () => {
    for (const raw of ['н', 'Н', 'n', 'N', ' н ']) expect(readCellInput(raw, 'lesson', points12, g7)).toEqual({ ok: true, value: { mark: '', absent: true } });
  });

  it('reads a mark and clears absence', () => {
    expect(readCellInput('10', 'lesson', points12, g7)).toEqual({ ok: true, value: { mark: '10', absent: false } });
    expect(readCellInput('', 'lesson', points12, g7)).toEqual({ ok: true, value: { mark: '', absent: false } });
  });

  it('normalises like the server: Latin level letters, на -> н/а', () => {
    expect(readCellInput('d', 'lesson', levels, { grade: 3, passFail: false }).value.mark).toBe('Д');
    expect(readCellInput('на', 'semester', points12, g7)).toEqual({ ok: true, value: { mark: 'н/а', absent: false } });
  });

  it('flags values off the scale at once', () => {
    expect(readCellInput('13', 'lesson', points12, g7)).toMatchObject({ ok: false, problem: 'out_of_scale' });
    expect(readCellInput('н/а', 'lesson', points12, g7)).toMatchObject({ ok: false, problem: 'out_of_scale' });
    expect(readCellInput('н', 'thematic', points12, g7)).toMatchObject({ ok: false, problem: 'out_of_scale' });
  });

  it('takes free text on the verbal scale, up to 200 characters', () => {
    expect(readCellInput('Молодець, старанно працює', 'lesson', verbal, { grade: 1, passFail: false })).toMatchObject({ ok: true });
    expect(readCellInput('а'.repeat(201), 'lesson', verbal, { grade: 1, passFail: false })).toMatchObject({ ok: false, problem: 'too_long' });
  });

  it('shows absence as н', () => {
    expect(cellText({ mark: '', absent: true })).toBe('н');
    expect(cellText({ mark: '9', absent: false })).toBe('9');
  });
});

describe('pencil (tentative) marks', () => {
  it('reads ?10 as a pencil mark in a lesson cell, and a lone ? as nothing', () => {
    expect(readCellInput('?10', 'lesson', points12, g7)).toEqual({ ok: true, value: { mark: '10', absent: false, tentative: true } });
    expect(readCellInput(' ? 9 ', 'lesson', points12, g7)).toEqual({ ok: true, value: { mark: '9', absent: false, tentative: true } });
    expect(readCellInput('?', 'lesson', points12, g7)).toEqual({ ok: true, value: { mark: '', absent: false } });
    expect(readCellInput('?13', 'lesson', points12, g7)).toEqual({ ok: false, value: { mark: '13', absent: false, tentative: true }, problem: 'out_of_scale' });
  });

  it('refuses a pencilled absence, and a pencil in a summary column', () => {
    expect(readCellInput('?н', 'lesson', points12, g7)).toEqual({ ok: false, value: { mark: '', absent: true }, problem: 'tentative_absent' });
    expect(readCellInput('?10', 'semester', points12, g7).ok).toBe(false);
  });

  it('copies a pencil mark with its ?, so a paste keeps it; confirming keeps the mark', () => {
    expect(cellText({ mark: '10', absent: false, tentative: true })).toBe('?10');
    expect(cellText({ mark: '10', absent: false })).toBe('10');
    expect(confirmed({ mark: '10', absent: false, tentative: true })).toEqual({ mark: '10', absent: false });
    expect(sameValue({ mark: '10', absent: false, tentative: true }, { mark: '10', absent: false })).toBe(false);
    expect(sameValue({ mark: '10', absent: false, tentative: false }, { mark: '10', absent: false })).toBe(true);
  });
});

