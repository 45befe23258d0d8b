/** Consent answers of a school: a change refreshes the register, the dashboard and the history together. */
export const consentKey = (schoolId: number) => ['schools', schoolId, 'consent'] as const;

/** The signed-in guardian's own consents, across schools. */
export const myConsentsKey = ['consent', 'mine'] as const;
