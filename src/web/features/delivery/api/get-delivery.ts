import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TDelivery, TDeliveryBy } from '../../../../shared/api/delivery.js';
import { api } from '../../../lib/api.js';

export interface DeliveryFilter {
  semester?: number;
  classId?: number;
  subjectId?: number;
  teacherId?: number;
  by?: TDeliveryBy;
}

/** The delivery report of a semester (the server defaults to the semester of today). */
export function getDelivery(schoolId: number, f: DeliveryFilter): Promise<TDelivery> {
  return api(`/api/schools/${schoolId}/delivery`, { query: { ...f } });
}

export const deliveryQueryOptions = (schoolId: number, f: DeliveryFilter) =>
  queryOptions({ queryKey: ['schools', schoolId, 'delivery', f], queryFn: () => getDelivery(schoolId, f), placeholderData: keepPreviousData });

export function useDelivery(schoolId: number, f: DeliveryFilter) {
  return useQuery(deliveryQueryOptions(schoolId, f));
}
