import { useParams } from 'react-router';

/** A numeric route parameter such as :schoolId; NaN when it is not a number. */
export function useNumberParam(name: string): number {
  const value = useParams()[name];
  return value && /^\d+$/.test(value) ? Number(value) : Number.NaN;
}
