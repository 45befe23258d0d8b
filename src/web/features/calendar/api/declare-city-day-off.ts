import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCityDayOffChange, TCityDayOffInput } from '../../../../shared/api/calendar.js';
import { api } from '../../../lib/api.js';
import { cityDaysOffKey } from './get-city-days-off.js';

/** Declares a day off for every school of the city. */
export function declareCityDayOff(cityId: number, body: TCityDayOffInput): Promise<TCityDayOffChange> {
  return api(`/api/cities/${cityId}/days-off`, { method: 'POST', body });
}

export function useDeclareCityDayOff(cityId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCityDayOffInput) => declareCityDayOff(cityId, body),
    meta: { inlineErrors: true },
    onSuccess: (res) => client.setQueryData(cityDaysOffKey(cityId), res.daysOff),
  });
}
