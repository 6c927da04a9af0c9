import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { PAGE_HEADING_ID } from '../../components/ui/page';
import { isLoginFocusState } from '../../lib/site';

/**
 * After a client-side navigation to another page, focus its <h1> so that screen readers
 * announce the new page and keyboard users start from its top. The first page load keeps the
 * browser's default focus (so the skip link stays first), and filter changes on the same
 * page (only the query string changes) keep focus where it is.
 */
export function useFocusHeadingOnNavigation(): void {
  const { pathname, state } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // The 服務登入 box takes focus itself (e.g. after 「請先登入。」).
    if (isLoginFocusState(state)) return;
    document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [pathname, state]);
}
