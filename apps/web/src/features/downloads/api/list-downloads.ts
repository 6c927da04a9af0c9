import { DownloadPageSchema } from '@portal/shared';
import { usePagedQuery } from '../../../lib/paged-query';

export interface ListDownloadsParams {
  system?: string;
  category?: string;
  keyword?: string;
  page: number;
  pageSize: number;
}

export function useListDownloads(params: ListDownloadsParams) {
  return usePagedQuery(['downloads'], '/api/downloads', DownloadPageSchema, params);
}
