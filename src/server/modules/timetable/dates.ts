/** ISO dates ('YYYY-MM-DD') compare as strings. */

export const laterDate = (a: string, b: string): string => (a < b ? b : a);
export const earlierDate = (a: string, b: string): string => (a < b ? a : b);

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
