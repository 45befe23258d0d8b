/** A field problem the API reported, by the field's path in the request body. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error answer of the API: its stable code, a message in the UI language, field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** the answer's `error.details` as sent (e.g. every row's problem of a refused file) */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems as { fieldName: message }, ready for a form. */
  fieldMap(): Record<string, string> {
    return Object.fromEntries(this.fields.map((f) => [f.path, f.message]));
  }
}
