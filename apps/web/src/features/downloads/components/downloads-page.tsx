import { useSearchParams } from 'react-router';
import { Page } from '../../../components/ui/page';
import { PagedResults } from '../../../components/ui/paged-results';
import { pageFromParam } from '../../../lib/format';
import { useListDownloads } from '../api/list-downloads';
import { DownloadsFilterForm, type DownloadFilter } from './downloads-filter-form';
import { DownloadsTable } from './downloads-table';

export const DOWNLOADS_PAGE_SIZE = 10;

export function DownloadsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const system = searchParams.get('system') ?? '';
  const category = searchParams.get('category') ?? '';
  const keyword = searchParams.get('keyword') ?? '';
  const page = pageFromParam(searchParams.get('page'));

  const query = useListDownloads({
    system: system || undefined,
    category: category || undefined,
    keyword: keyword || undefined,
    page,
    pageSize: DOWNLOADS_PAGE_SIZE,
  });

  const applyFilter = (filter: DownloadFilter) => {
    const next = new URLSearchParams();
    for (const key of ['system', 'category', 'keyword'] as const) {
      const value = filter[key];
      if (value) next.set(key, value);
    }
    setSearchParams(next);
  };

  return (
    <Page title="下載專區">
      <DownloadsFilterForm
        values={{ system, category, keyword }}
        systems={query.data?.systems ?? []}
        categories={query.data?.categories ?? []}
        onSubmit={applyFilter}
      />

      <PagedResults query={query} label="下載專區分頁">
        {(data, busy) => <DownloadsTable items={data.items} busy={busy} />}
      </PagedResults>
    </Page>
  );
}
