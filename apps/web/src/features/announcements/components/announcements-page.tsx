import { Link, useSearchParams } from 'react-router';
import { OptionList } from '../../../components/ui/option-list';
import { Page } from '../../../components/ui/page';
import { PagedResults } from '../../../components/ui/paged-results';
import { pageFromParam } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { paths, type LoginFocusState } from '../../../lib/site';
import { useListAnnouncements } from '../api/list-announcements';
import { AnnouncementsTable } from './announcements-table';

export const ANNOUNCEMENTS_PAGE_SIZE = 10;
const LOGIN_STATE: LoginFocusState = { focusLogin: true };

/**
 * On a phone the side column (服務登入, 帳號服務) comes after every announcement: these links
 * reach it first. 服務登入 moves focus (and the view) to 帳號 in the login box.
 */
function PhoneShortcuts() {
  const session = useSession();
  return (
    <nav aria-label="快速連結" className="phone-shortcuts">
      {session.data ? (
        <Link to={paths.accountHome}>我的服務</Link>
      ) : (
        <Link to={paths.announcements} state={LOGIN_STATE}>
          服務登入
        </Link>
      )}
      <Link to={paths.apply}>帳號申請</Link>
      <Link to={paths.applicationStatus}>申請進度查詢</Link>
    </nav>
  );
}

export function AnnouncementsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const category = searchParams.get('category') ?? '';
  const page = pageFromParam(searchParams.get('page'));
  const query = useListAnnouncements({
    category: category || undefined,
    page,
    pageSize: ANNOUNCEMENTS_PAGE_SIZE,
  });

  const categories = query.data?.categories ?? [];
  // A category typed into the URL still shows as selected, even if no announcement uses it.
  const options = category && !categories.includes(category) ? [...categories, category] : categories;

  const changeCategory = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set('category', value);
    else next.delete('category');
    next.delete('page');
    setSearchParams(next);
  };

  return (
    <Page title="公告事項">
      <PhoneShortcuts />
      <div className="filter-bar">
        <label htmlFor="announcement-category">分類查詢：</label>
        <select
          id="announcement-category"
          value={category}
          onChange={(event) => changeCategory(event.target.value)}
        >
          <option value="">全部</option>
          <OptionList values={options} />
        </select>
      </div>

      <PagedResults query={query} label="公告事項分頁">
        {(data, busy) => <AnnouncementsTable items={data.items} busy={busy} />}
      </PagedResults>
    </Page>
  );
}
