import { ManagerRequestSchema, MANAGER_REQUEST_ROUTES, type ManagerRequest } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiGet, apiPost, apiUpload, type DownloadedFile } from '../../../lib/api-client';
import { accountQueryKey } from '../../../lib/session';
import type { VerificationTarget } from './verification-target';

const FALLBACK_FORM_NAME = '管理者帳號申請異動表.pdf';

/**
 * The filled 管理者帳號申請、異動表 (PDF). Pending applicant: POST …/paper-form (this also puts
 * the A request on the paper path). Logged in: the request is first put on the paper path
 * (POST …/:id/paper, which starts the three working days) unless it is already there.
 */
export async function downloadFilledForm(target: VerificationTarget): Promise<DownloadedFile> {
  if (target.kind === 'pending') {
    return apiDownload('POST', MANAGER_REQUEST_ROUTES.pendingPaperForm, { body: target.credentials, fallbackName: FALLBACK_FORM_NAME });
  }
  const request = await apiGet(MANAGER_REQUEST_ROUTES.detail(target.requestId), ManagerRequestSchema);
  if (request.status === 'AWAITING_VERIFICATION') {
    await apiPost(MANAGER_REQUEST_ROUTES.paper(target.requestId), undefined, ManagerRequestSchema);
  }
  return apiDownload('GET', MANAGER_REQUEST_ROUTES.form(target.requestId), { fallbackName: FALLBACK_FORM_NAME });
}

/** Multipart upload of the stamped scan (field `file`; the pending applicant adds 帳號 + 密碼). */
export function uploadScan(target: VerificationTarget, file: File): Promise<ManagerRequest> {
  const form = new FormData();
  if (target.kind === 'pending') {
    form.append('accountName', target.credentials.accountName);
    form.append('password', target.credentials.password);
    form.append('file', file, file.name);
    return apiUpload(MANAGER_REQUEST_ROUTES.pendingScan, form, ManagerRequestSchema);
  }
  form.append('file', file, file.name);
  return apiUpload(MANAGER_REQUEST_ROUTES.scan(target.requestId), form, ManagerRequestSchema);
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function useDownloadFilledForm(target: VerificationTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => downloadFilledForm(target),
    onSuccess: (file) => {
      saveFile(file);
      if (target.kind === 'request') void queryClient.invalidateQueries({ queryKey: accountQueryKey });
    },
  });
}

export function useUploadScan(target: VerificationTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadScan(target, file),
    onSuccess: () => {
      if (target.kind === 'request') void queryClient.invalidateQueries({ queryKey: accountQueryKey });
    },
  });
}
