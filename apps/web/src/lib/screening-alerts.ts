import { ScreeningAlertSummarySchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client';
import { accountQueryKey } from './session';

export const screeningAlertSummaryKey = [...accountQueryKey, 'screening-alert-summary'] as const;

/**
 * Open 篩檢查詢警示 for the back office's indicator (系統人員 only: others do not ask). Checked
 * again every minute while a page is open, so a new alert shows without a reload.
 */
export function useOpenScreeningAlerts(enabled: boolean) {
  return useQuery({
    queryKey: screeningAlertSummaryKey,
    queryFn: ({ signal }) => apiGet('/api/screening/alerts/summary', ScreeningAlertSummarySchema, { signal }),
    enabled,
    refetchInterval: 60_000,
    select: (summary) => summary.open,
  });
}
