/** Every curriculum answer lives under this key: a change refreshes them all (hours, warnings). */
export const curriculumKey = (schoolId: number) => ['schools', schoolId, 'curriculum'] as const;
