import { describe, expect, it } from 'vitest';
import { loginStem, pickLogins, transliterate } from '../admin.accounts.js';
import { mapColumns } from './headers.js';
import { parseRoles } from './staff.js';
import { cleanName, nameKey, parseClassLabel, parseDate, parseGender, splitFullName } from './values.js';

describe('reading registry values', () => {
  it('reads dates as schools write them and refuses impossible ones', () => {
    expect(parseDate('05.03.2014')).toBe('2014-03-05');
    expect(parseDate('5.3.2014')).toBe('2014-03-05');
    expect(parseDate('05/03/2014')).toBe('2014-03-05');
    expect(parseDate('2014-03-05')).toBe('2014-03-05');
    expect(parseDate('41703')).toBe('2014-03-05');
    expect(parseDate(new Date(Date.UTC(2014, 2, 5)))).toBe('2014-03-05');
    expect(parseDate('29.02.2016')).toBe('2016-02-29');
    expect(parseDate('29.02.2015')).toBeNull();
    expect(parseDate('31.04.2014')).toBeNull();
    expect(parseDate('березень 2014')).toBeNull();
  });

  it('reads class labels in their many spellings', () => {
    for (const s of ['5-А', '5А', '5 А', '5-а', '5-A', '5 «А»', '5-А клас']) expect(parseClassLabel(s)).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassLabel('11-Ї')).toEqual({ grade: 11, letter: 'Ї' });
    expect(parseClassLabel('12-А')).toBeNull();
    expect(parseClassLabel('5-Ы')).toBeNull();
    expect(parseClassLabel('5-D')).toBeNull();
  });

  it('reads gender, names and apostrophes', () => {
    expect([parseGender('ч'), parseGender('Жін.'), parseGender(''), parseGender('x')]).toEqual(['m', 'f', null, undefined]);
    expect(cleanName("  Мар'яна ")).toBe('Марʼяна');
    expect(nameKey('ШЕВЧЕНКО', "Мар'яна")).toBe(nameKey('Шевченко', 'Мар’яна'));
    expect(splitFullName('Шевченко Тарас Григорович')).toEqual({ lastName: 'Шевченко', firstName: 'Тарас', middleName: 'Григорович' });
  });

  it('finds columns by Ukrainian and English headers', () => {
    expect(mapColumns('pupils', ['Прізвище', "Ім'я", 'Імʼя', 'По-батькові', 'Дата нар.', 'Клас', 'Телефон батьків', 'Примітка'])).toEqual([
      'lastName', 'firstName', null, 'middleName', 'birthDate', 'classLabel', 'guardianPhone', null,
    ]);
    expect(mapColumns('pupils', ['Last name', 'First name', 'Date of birth', 'Form'])).toEqual(['lastName', 'firstName', 'birthDate', 'classLabel']);
    expect(mapColumns('staff', ['ПІБ', 'Посада', 'Ел. пошта', 'Роль'])).toEqual(['fullName', 'position', 'email', 'roles']);
  });

  it('reads roles and makes logins the official romanisation way', () => {
    expect(parseRoles('вчитель, заступник директора; адміністратор')).toEqual({ roles: ['teacher', 'controller', 'admin'], unknown: [] });
    expect(parseRoles('прибиральник').unknown).toEqual(['прибиральник']);
    expect(transliterate('Щербак')).toBe('shcherbak');
    expect(transliterate('Юлія')).toBe('yuliia');
    expect(transliterate('Згурський')).toBe('zghurskyi');
    expect(loginStem('Ґалаган', 'Єва')).toBe('galahan.y');
    expect(pickLogins(['ivanenko.o', 'ivanenko.o'], ['ivanenko.o'])).toEqual(['ivanenko.o2', 'ivanenko.o3']);
  });
});
