import { ApplicationResultSchema, type AccountApplication, type ApplicationResult } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';

/** POST /api/applications with the schema's normalized output (trimmed, 市話 with '#', …). */
export function createApplication(application: AccountApplication): Promise<ApplicationResult> {
  return apiPost('/api/applications', application, ApplicationResultSchema);
}

export function useCreateApplication() {
  return useMutation({ mutationFn: createApplication });
}
