/** Homework texts as teachers write them: none in grade 1, optional in grade 2, usual from grade 3. */
import { SUBJECTS } from './curriculum.js';
import type { Rng } from './random.js';

type Maker = (rng: Rng, k: number) => string;

const page = (k: number) => 5 + Math.floor(k * 1.5);
const para = (k: number) => 1 + Math.floor(k / 2);

const LANGUAGE: Maker[] = [(r, k) => `§${para(k)}, впр. ${r.int(3, 12)}`, (_r, k) => `Впр. ${page(k)}`, (r, k) => `§${para(k)}, вивчити правило, впр. ${r.int(2, 9)}`];
const LITERATURE: Maker[] = [(r, k) => `Прочитати с. ${page(k)}-${page(k) + r.int(4, 12)}`, () => "Вивчити напам'ять уривок", (_r, k) => `Відповісти на питання с. ${page(k)}`, () => 'Написати відгук про твір'];
const MATH: Maker[] = [(_r, k) => `§${para(k)}, № ${page(k) * 3}, ${page(k) * 3 + 2}`, (r, k) => `№ ${page(k) * 3 + r.int(0, 2)}, ${page(k) * 3 + r.int(3, 6)}`, (_r, k) => `§${para(k)}, вивчити формули, № ${page(k) * 3 + 1}`];
const SCIENCE: Maker[] = [(r, k) => `§${para(k)}, питання 1-${r.int(3, 6)}`, (r, k) => `§${para(k)}, задачі ${r.int(1, 5)}, ${r.int(6, 9)}`, (_r, k) => `§${para(k)}, заповнити таблицю`];
const ENGLISH: Maker[] = [(r, k) => `Ex. ${r.int(1, 9)}, p. ${page(k)}`, () => 'Learn the new words', (r, k) => `WB p. ${page(k)}, ex. ${r.int(1, 5)}`];
const PRIMARY: Maker[] = [(r, k) => `С. ${page(k)}, № ${r.int(1, 8)}`, (_r, k) => `Впр. ${page(k)}`, (_r, k) => `Прочитати с. ${page(k)}-${page(k) + 2}`];
const GRADE2 = ['Повторити вивчене', 'Прочитати текст', "Вивчити вірш напам'ять", 'Повторити таблицю'];
const RARE = ['Підготувати повідомлення', 'Повторити вивчене', 'Виконати ескіз', 'Підготувати презентацію'];

function makersFor(subject: string, grade: number): Maker[] {
  if (grade <= 4) return PRIMARY;
  if (subject === 'Англійська мова') return ENGLISH;
  if (subject.includes('література')) return LITERATURE;
  if (subject === 'Українська мова') return LANGUAGE;
  if (['Математика', 'Алгебра', 'Геометрія'].includes(subject)) return MATH;
  return SCIENCE;
}

/** Homework of lesson k of a page; '' when none is given. */
export function homeworkFor(rng: Rng, subject: string, grade: number, k: number): string {
  const kind = SUBJECTS[subject]?.homework ?? 'usual';
  if (grade === 1 || kind === 'none') return '';
  if (kind === 'rare') return grade >= 3 && rng.chance(0.15) ? rng.pick(RARE) : '';
  if (grade === 2) return rng.chance(0.3) ? rng.pick(GRADE2) : '';
  return rng.chance(0.88) ? rng.pick(makersFor(subject, grade))(rng, k) : '';
}
