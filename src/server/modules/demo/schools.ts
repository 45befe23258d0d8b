/** Which schools the demo city has: names, kinds and sizes. */
import type { SchoolInfo } from './model.js';
import type { Rng } from './random.js';

type Kind = 'lyceum' | 'gymnasium' | 'school';

const STREETS = [
  'вул. Велика Перспективна', 'вул. Дворцова', 'вул. Преображенська', 'вул. Шевченка', 'вул. Полтавська',
  'вул. Тараса Карпи', 'вул. Вокзальна', 'вул. Миколаївська', 'вул. Яновського', 'вул. Космонавта Попова',
  'просп. Університетський', 'вул. Металургів', 'вул. Героїв України', 'вул. Євгена Чикаленка',
];

function naming(kind: Kind, n: number): { name: string; shortName: string } {
  if (kind === 'lyceum') return { name: `Ліцей №${n}`, shortName: `Ліцей №${n}` };
  if (kind === 'gymnasium') return { name: `Гімназія №${n}`, shortName: `Гімназія №${n}` };
  return { name: `Загальноосвітня школа І-ІІІ ступенів №${n}`, shortName: `ЗШ №${n}` };
}

// The first three are fixed so that a small demo always shows the three kinds and sizes.
const FIRST: { kind: Kind; n: number; parallels: number }[] = [
  { kind: 'lyceum', n: 1, parallels: 2 },
  { kind: 'gymnasium', n: 5, parallels: 1 },
  { kind: 'school', n: 12, parallels: 2 },
];

/** The schools of the city, in order; ids are given later. */
export function citySchools(rng: Rng, count: number): Omit<SchoolInfo, 'id' | 'cityId'>[] {
  const out: Omit<SchoolInfo, 'id' | 'cityId'>[] = [];
  let nextNumber = 2;
  for (let index = 0; index < count; index++) {
    const fixed = FIRST[index];
    let kind: Kind;
    let n: number;
    let parallels: number;
    if (fixed) {
      ({ kind, n, parallels } = fixed);
    } else {
      while (FIRST.some((f) => f.n === nextNumber)) nextNumber++;
      n = nextNumber++;
      kind = rng.weighted<Kind>(['lyceum', 'school', 'gymnasium'], [45, 35, 20]);
      parallels = rng.weighted([1, 2, 3, 4], kind === 'gymnasium' ? [1, 3, 3, 0] : [1, 2, 4, 4]);
    }
    out.push({
      index, ...naming(kind, n), address: `${rng.pick(STREETS)}, ${rng.int(1, 120)}, м. Кропивницький`,
      parallels, maxGrade: kind === 'gymnasium' ? 9 : 11,
    });
  }
  return out;
}
