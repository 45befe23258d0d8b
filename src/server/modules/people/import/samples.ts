import ExcelJS from 'exceljs';

/**
 * Real-looking registry exports for tests, the browser test and demos: pupils with parents,
 * as CSV (UTF-8 or Windows-1251, ';') or XLSX (a title row, date cells).
 */

const BOYS = ['Андрій', 'Богдан', 'Владислав', 'Дмитро', 'Євген', 'Іван', 'Максим', 'Олександр', 'Тарас', 'Юрій', 'Ярослав', 'Ігор'];
const GIRLS = ['Анна', 'Вікторія', 'Дарина', 'Єва', 'Злата', 'Ірина', 'Катерина', 'Марʼяна', 'Олена', 'Софія', 'Юлія', 'Ярина'];
const SURNAMES = ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Шевчук', 'Поліщук', 'Ґалаган', 'Лисенко', 'Мельник', 'Карпенко', 'Савчук', 'Руденко', 'Марченко', 'Зінченко', 'Кузьменко', 'Гнатюк', 'Білик', 'Яковенко'];
// father's name -> [son's, daughter's] patronymic
const FATHERS: [string, string, string][] = [
  ['Андрій', 'Андрійович', 'Андріївна'], ['Василь', 'Васильович', 'Василівна'], ['Володимир', 'Володимирович', 'Володимирівна'],
  ['Григорій', 'Григорович', 'Григорівна'], ['Михайло', 'Михайлович', 'Михайлівна'], ['Олег', 'Олегович', 'Олегівна'],
  ['Петро', 'Петрович', 'Петрівна'], ['Сергій', 'Сергійович', 'Сергіївна'], ['Степан', 'Степанович', 'Степанівна'],
  ['Юрій', 'Юрійович', 'Юріївна'],
];

export interface SamplePupil {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  classLabel: string;
  gender: 'ч' | 'ж';
  mother: string;
  motherPhone: string;
  father: string;
  fatherPhone: string;
}

/** n different pupils spread over the given classes (the same for the same seed). */
export function samplePupils(n: number, classes: string[], seed = 1): SamplePupil[] {
  let s = seed;
  const rnd = (k: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * k);
  };
  const seen = new Set<string>();
  const out: SamplePupil[] = [];
  while (out.length < n) {
    const i = out.length;
    const male = rnd(2) === 0;
    const lastName = SURNAMES[rnd(SURNAMES.length)];
    const firstName = male ? BOYS[rnd(BOYS.length)] : GIRLS[rnd(GIRLS.length)];
    const [fatherName, son, daughter] = FATHERS[rnd(FATHERS.length)];
    const classLabel = classes[i % classes.length];
    const year = 2025 - 6 - Number(classLabel.split('-')[0]) + rnd(2);
    const birthDate = `${String(1 + rnd(28)).padStart(2, '0')}.${String(1 + rnd(12)).padStart(2, '0')}.${year}`;
    const key = `${lastName}|${firstName}|${male ? son : daughter}|${birthDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [, grandSon, grandDaughter] = FATHERS[rnd(FATHERS.length)];
    out.push({
      lastName,
      firstName,
      middleName: male ? son : daughter,
      birthDate,
      classLabel,
      gender: male ? 'ч' : 'ж',
      mother: `${lastName} ${GIRLS[rnd(GIRLS.length)]} ${grandDaughter}`,
      motherPhone: `+38067${String(1_000_000 + i).padStart(7, '0')}`,
      father: `${lastName} ${fatherName} ${grandSon}`,
      fatherPhone: `050 ${String(1_000_000 + i).replace(/^(\d{3})(\d{2})(\d{2})$/, '$1 $2 $3')}`,
    });
  }
  return out;
}

export const PUPIL_HEADERS = ['Прізвище', "Ім'я", 'По батькові', 'Дата народження', 'Клас', 'Стать', 'ПІБ матері', 'Телефон матері', 'ПІБ батька', 'Телефон батька'];

export function pupilCells(p: SamplePupil): string[] {
  return [p.lastName, p.firstName, p.middleName, p.birthDate, p.classLabel, p.gender, p.mother, p.motherPhone, p.father, p.fatherPhone];
}

function csvCell(v: string, delimiter: string): string {
  return /["\n\r]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV text of rows under headers. */
export function toCsv(headers: string[], rows: string[][], delimiter = ';'): string {
  return [headers, ...rows].map((r) => r.map((v) => csvCell(v, delimiter)).join(delimiter)).join('\r\n');
}

/** UTF-8 with a BOM, as Excel writes "CSV UTF-8". */
export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** Windows-1251, as Excel in a Ukrainian locale writes plain "CSV". */
export function cp1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

/** An XLSX workbook: a title row, the header, the rows; dd.mm.yyyy dates become date cells. */
export async function toXlsx(headers: string[], rows: string[][], opts: { title?: string; dateColumn?: number } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Учні');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(headers);
  for (const r of rows) {
    const cells: (string | Date)[] = [...r];
    const at = opts.dateColumn;
    const m = at === undefined ? null : /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(r[at] ?? '');
    const date = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null;
    // an impossible date (31.02) stays text, as Excel keeps it
    if (at !== undefined && date && date.getUTCDate() === Number(m![1])) cells[at] = date;
    ws.addRow(cells);
  }
  if (opts.dateColumn !== undefined) ws.getColumn(opts.dateColumn + 1).numFmt = 'dd.mm.yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
