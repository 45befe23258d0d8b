/** Strings of the administrator's account screens: a forced change of a one-time password, roles per school year. */
export const accountsUk = {
  forced: {
    title: 'Змініть одноразовий пароль',
    text: 'Ви увійшли з одноразовим паролем, який видав адміністратор. Щоб продовжити, придумайте власний пароль. Інші розділи відкриються одразу після зміни.',
    current: 'Одноразовий пароль',
    new: 'Новий пароль',
    newHint: 'Щонайменше 10 символів; не такий, як одноразовий, і не ваш логін.',
    repeat: 'Повторіть новий пароль',
    mismatch: 'Паролі не збігаються.',
    save: 'Зберегти пароль',
    logout: 'Вийти',
    done: 'Пароль змінено. Ласкаво просимо!',
    signedInAs: 'Обліковий запис: {{login}}',
  },
  yearRoles: {
    year: 'Навчальний рік',
    current: 'поточний',
    closed: 'закрито',
    closedNote: 'Рік закрито: ролі цього року збережено без змін.',
    futureNote: 'Ролі на наступний рік не змінюють поточних: вони діятимуть з {{date}}.',
    currentNote: 'Ролі поточного навчального року діють одразу.',
  },
};

export const accountsEn: typeof accountsUk = {
  forced: {
    title: 'Change your one-time password',
    text: 'You signed in with a one-time password from your administrator. To continue, choose your own password. The other sections open as soon as it is changed.',
    current: 'One-time password',
    new: 'New password',
    newHint: 'At least 10 characters; not the one-time password and not your login.',
    repeat: 'Repeat the new password',
    mismatch: 'The passwords do not match.',
    save: 'Save password',
    logout: 'Sign out',
    done: 'Your password is changed. Welcome!',
    signedInAs: 'Account: {{login}}',
  },
  yearRoles: {
    year: 'School year',
    current: 'current',
    closed: 'closed',
    closedNote: 'The year is closed: its roles are kept unchanged.',
    futureNote: 'Roles for the next year do not change the current ones: they apply from {{date}}.',
    currentNote: 'Roles of the current school year apply at once.',
  },
};
