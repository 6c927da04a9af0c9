import type { z } from 'zod';
import {
  AccountRoleSchema,
  StaffAccountPageSchema,
  StaffAnnouncementPageSchema,
  StaffAnnouncementSchema,
  StaffDownloadPageSchema,
  StaffDownloadSchema,
  StaffInstitutionPageSchema,
  StaffInstitutionSchema,
  StaffSubsystemListSchema,
  StaffSubsystemSchema,
  type CreateAnnouncementRequest,
  type CreateInstitutionRequest,
  type PublishRequest,
  type StaffAccountQuery,
  type StaffAnnouncementQuery,
  type StaffInstitutionQuery,
  type UpdateAnnouncementRequest,
  type UpdateDownloadRequest,
  type UpdateInstitutionRequest,
  type UpdateSubsystemRequest,
} from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPatch, apiPost, apiUpload, type QueryParams } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import { useRefreshingMutation } from '../../../lib/refreshing-mutation';
import { accountQueryKey } from '../../../lib/session';

const staffKey = [...accountQueryKey, 'staff'] as const;
const keys = {
  institutions: [...staffKey, 'institutions'],
  subsystems: [...staffKey, 'subsystems'],
  announcements: [...staffKey, 'announcements'],
  downloads: [...staffKey, 'downloads'],
  accounts: [...staffKey, 'accounts'],
} as const;
const id = (value: string) => encodeURIComponent(value);

/** 新增 (POST to the list's path) or 修改 (PATCH of one item), then the list is read again. */
function useSave<Create, Update, S extends z.ZodType>(key: readonly unknown[], path: string, schema: S) {
  return useRefreshingMutation(key, (input: { id: string; body: Update } | { id: null; body: Create }) =>
    input.id === null ? apiPost(path, input.body, schema) : apiPatch(`${path}/${id(input.id)}`, input.body, schema),
  );
}

// ── 機構管理

export function useStaffInstitutions(query: StaffInstitutionQuery) {
  return usePagedQuery(keys.institutions, '/api/staff/institutions', StaffInstitutionPageSchema, query);
}

export function useSaveInstitution() {
  return useSave<CreateInstitutionRequest, UpdateInstitutionRequest, typeof StaffInstitutionSchema>(keys.institutions, '/api/staff/institutions', StaffInstitutionSchema);
}

export function useSetInstitutionClosed() {
  return useRefreshingMutation(keys.institutions, ({ institutionId, close }: { institutionId: string; close: boolean }) =>
    apiPost(`/api/staff/institutions/${id(institutionId)}/${close ? 'close' : 'reopen'}`, undefined, StaffInstitutionSchema));
}

// ── 子系統管理

export function useStaffSubsystems() {
  return useQuery({
    queryKey: keys.subsystems,
    queryFn: ({ signal }) => apiGet('/api/staff/subsystems', StaffSubsystemListSchema, { signal }),
  });
}

export function useUpdateSubsystem() {
  return useRefreshingMutation(keys.subsystems, ({ subsystemId, body }: { subsystemId: string; body: UpdateSubsystemRequest }) =>
    apiPatch(`/api/staff/subsystems/${id(subsystemId)}`, body, StaffSubsystemSchema));
}

/**
 * Assigns by 帳號: the contract takes an account id, so the 帳號 is looked up first through
 * 帳號查詢 (role 子系統管理者, exact name).
 */
export function useAssignSubsystemManager() {
  return useRefreshingMutation(keys.subsystems, async ({ subsystemId, accountName }: { subsystemId: string; accountName: string }) => {
    const found = await apiGet('/api/staff/accounts', StaffAccountPageSchema, {
      params: { accountName, role: AccountRoleSchema.enum.SUBSYSTEM_MANAGER, pageSize: 20 },
    });
    const account = found.items.find((item) => item.accountName.toLowerCase() === accountName.toLowerCase());
    if (!account) throw new Error(`查無子系統管理者帳號「${accountName}」。`);
    return apiPost(`/api/staff/subsystems/${id(subsystemId)}/managers`, { accountId: account.id }, StaffSubsystemSchema);
  });
}

export function useRemoveSubsystemManager() {
  return useRefreshingMutation(keys.subsystems, ({ subsystemId, accountId }: { subsystemId: string; accountId: string }) =>
    apiDelete(`/api/staff/subsystems/${id(subsystemId)}/managers/${id(accountId)}`, StaffSubsystemSchema));
}

// ── 公告管理

export function useStaffAnnouncements(query: StaffAnnouncementQuery) {
  return usePagedQuery(keys.announcements, '/api/staff/announcements', StaffAnnouncementPageSchema, query);
}

export function useSaveAnnouncement() {
  return useSave<CreateAnnouncementRequest, UpdateAnnouncementRequest, typeof StaffAnnouncementSchema>(keys.announcements, '/api/staff/announcements', StaffAnnouncementSchema);
}

export function usePublishAnnouncement() {
  return useRefreshingMutation(keys.announcements, ({ announcementId, publish }: { announcementId: string; publish: boolean }) =>
    publish
      ? apiPost(`/api/staff/announcements/${id(announcementId)}/publish`, {} satisfies PublishRequest, StaffAnnouncementSchema)
      : apiPost(`/api/staff/announcements/${id(announcementId)}/unpublish`, undefined, StaffAnnouncementSchema));
}

// ── 下載專區管理

export function useStaffDownloads(page: number) {
  return usePagedQuery(keys.downloads, '/api/staff/downloads', StaffDownloadPageSchema, { page });
}

/** POST /api/staff/downloads (new entry) or /api/staff/downloads/:id/file (new version), multipart. */
export function useUploadDownload() {
  return useRefreshingMutation(keys.downloads, ({ downloadId, form }: { downloadId: string | null; form: FormData }) =>
    apiUpload(downloadId === null ? '/api/staff/downloads' : `/api/staff/downloads/${id(downloadId)}/file`, form, StaffDownloadSchema));
}

export function useUpdateDownload() {
  return useRefreshingMutation(keys.downloads, ({ downloadId, body }: { downloadId: string; body: UpdateDownloadRequest }) =>
    apiPatch(`/api/staff/downloads/${id(downloadId)}`, body, StaffDownloadSchema));
}

// ── 帳號查詢

export function useStaffAccounts(query: StaffAccountQuery | null) {
  return useQuery({
    queryKey: [...keys.accounts, query],
    queryFn: ({ signal }) => apiGet('/api/staff/accounts', StaffAccountPageSchema, { params: (query ?? {}) as QueryParams, signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
