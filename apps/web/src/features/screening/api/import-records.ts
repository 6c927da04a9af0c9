import { ScreeningImportResultSchema, type ScreeningImportRequest } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /api/staff/screening-imports: the file's text as JSON, checked only (dryRun) or imported. */
export function useImportScreeningRecords() {
  return useMutation({ mutationFn: (request: ScreeningImportRequest) => apiPost('/api/staff/screening-imports', request, ScreeningImportResultSchema) });
}
