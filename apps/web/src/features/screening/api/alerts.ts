import { ScreeningAlertListSchema, ScreeningAlertSchema } from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';
import { screeningAlertSummaryKey } from '../../../lib/screening-alerts';

const alertsKey = [...accountQueryKey, 'screening-alerts'] as const;

export function useScreeningAlerts(status: 'OPEN' | 'ALL') {
  return useQuery({
    queryKey: [...alertsKey, status],
    queryFn: ({ signal }) => apiGet('/api/screening/alerts', ScreeningAlertListSchema, { params: { status }, signal }),
  });
}

/** 已處理: the list and the back-office count are refreshed. */
export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost(`/api/screening/alerts/${id}/acknowledge`, undefined, ScreeningAlertSchema),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: alertsKey });
      await queryClient.invalidateQueries({ queryKey: screeningAlertSummaryKey });
    },
  });
}
