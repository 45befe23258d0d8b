/** Every answer of the administrator's console lives under this key: a change refreshes them all. */
export const adminKey = (schoolId: number) => ['schools', schoolId, 'admin'] as const;

/** The school's class lists elsewhere (home, class pages) change with the console's writes too. */
export const schoolKey = (schoolId: number) => ['schools', schoolId] as const;
