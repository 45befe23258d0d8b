import { describe, expect, it } from 'vitest';
import type { TMe } from '../../shared/api/auth.js';
import { contextOfPath, contextPath, contextsOf } from './contexts.js';
import { sortByName } from './format.js';

const me: TMe = {
  userId: 1,
  login: 'olena',
  fullName: 'Коваленко Олена Петрівна',
  locale: 'uk',
  csrfToken: 't',
  schools: [
    { schoolId: 3, schoolName: 'Ліцей №1', roles: ['class_teacher', 'teacher', 'parent'], classIds: [7], children: [], pupilId: null },
    { schoolId: 5, schoolName: 'Гімназія №5', roles: ['parent'], classIds: [], children: [], pupilId: null },
  ],
  cities: [{ cityId: 2, cityName: 'Кропивницький' }],
  mustChangePassword: false,
};

describe('contexts', () => {
  it('lists every school, then every city, with roles leadership first and family last', () => {
    const contexts = contextsOf(me);
    expect(contexts.map((c) => [c.kind, c.id, c.roles])).toEqual([
      ['school', 3, ['teacher', 'class_teacher', 'parent']],
      ['school', 5, ['parent']],
      ['city', 2, ['city_specialist']],
    ]);
    expect(contexts.map(contextPath)).toEqual(['/s/3', '/s/5', '/city/2']);
  });

  it('finds the context of an address only among the person’s own', () => {
    const contexts = contextsOf(me);
    expect(contextOfPath(contexts, '/s/3/classes/7')?.id).toBe(3);
    expect(contextOfPath(contexts, '/city/2')?.kind).toBe('city');
    expect(contextOfPath(contexts, '/s/4')).toBeUndefined();
    expect(contextOfPath(contexts, '/s/33')).toBeUndefined();
    expect(contextOfPath(contexts, '/')).toBeUndefined();
  });
});

describe('sortByName', () => {
  it('puts є, і, ї, ґ in their Ukrainian places, by surname then name', () => {
    const names = ['Їжак Ольга', 'Ґудзь Тарас', 'Єрмак Анна', 'Іваненко Марія', 'Гук Ігор', 'Ярош Олег', 'Иванів Петро', 'Ерін Ніна', 'Гук Андрій'];
    const people = names.map((n) => ({ lastName: n.split(' ')[0], firstName: n.split(' ')[1] }));
    expect(sortByName(people).map((p) => `${p.lastName} ${p.firstName}`)).toEqual([
      'Гук Андрій',
      'Гук Ігор',
      'Ґудзь Тарас',
      'Ерін Ніна',
      'Єрмак Анна',
      'Иванів Петро',
      'Іваненко Марія',
      'Їжак Ольга',
      'Ярош Олег',
    ]);
  });
});
