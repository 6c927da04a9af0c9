import { AnnouncementPageSchema, type AnnouncementPage } from '@portal/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export interface ListAnnouncementsParams {
  category?: string;
  page: number;
  pageSize: number;
}

export const announcementsQueryKey = (params: ListAnnouncementsParams) => ['announcements', params] as const;

export function listAnnouncements(params: ListAnnouncementsParams, signal?: AbortSignal): Promise<AnnouncementPage> {
  return apiGet('/api/announcements', AnnouncementPageSchema, { params: { ...params }, signal });
}

export function useListAnnouncements(params: ListAnnouncementsParams) {
  return useQuery({
    queryKey: announcementsQueryKey(params),
    queryFn: ({ signal }) => listAnnouncements(params, signal),
    // Keep the table (and the category list) on screen while the next filter loads.
    placeholderData: keepPreviousData,
  });
}
