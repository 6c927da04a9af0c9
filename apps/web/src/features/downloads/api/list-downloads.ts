import { DownloadPageSchema, type DownloadPage } from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export interface ListDownloadsParams {
  system?: string;
  category?: string;
  keyword?: string;
  page: number;
  pageSize: number;
}

export const downloadsQueryKey = (params: ListDownloadsParams) => ['downloads', params] as const;

export function listDownloads(params: ListDownloadsParams, signal?: AbortSignal): Promise<DownloadPage> {
  return apiGet('/api/downloads', DownloadPageSchema, { params: { ...params }, signal });
}

export function useListDownloads(params: ListDownloadsParams) {
  return useQuery({
    queryKey: downloadsQueryKey(params),
    queryFn: ({ signal }) => listDownloads(params, signal),
    placeholderData: keepPreviousData,
  });
}
