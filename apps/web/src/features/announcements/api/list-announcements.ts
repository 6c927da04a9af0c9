import { AnnouncementPageSchema } from '@portal/shared';
import { usePagedQuery } from '../../../lib/paged-query';

export interface ListAnnouncementsParams {
  category?: string;
  page: number;
  pageSize: number;
}

export function useListAnnouncements(params: ListAnnouncementsParams) {
  return usePagedQuery(['announcements'], '/api/announcements', AnnouncementPageSchema, params);
}
