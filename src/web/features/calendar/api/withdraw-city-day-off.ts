import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCityDayOffChange } from '../../../../shared/api/calendar.js';
import { api } from '../../../lib/api.js';
import { cityDaysOffKey } from './get-city-days-off.js';

/** Withdraws a city day off: the day gets its lessons back in every school. */
export function withdrawCityDayOff(cityId: number, day: string): Promise<TCityDayOffChange> {
  return api(`/api/cities/${cityId}/days-off/${day}`, { method: 'DELETE' });
}

export function useWithdrawCityDayOff(cityId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => withdrawCityDayOff(cityId, day),
    onSuccess: (res) => client.setQueryData(cityDaysOffKey(cityId), res.daysOff),
  });
}
