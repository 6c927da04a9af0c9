import type { MouseEvent } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { SessionTimeout } from '../../features/auth/components/session-timeout';
import { SideColumn } from './side-column';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { useFocusHeadingOnNavigation } from './use-focus-heading-on-navigation';

const MAIN_ID = 'main-content';

function SkipLink() {
  // Focus <main> directly: a hash change would otherwise go through the router.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a href={`#${MAIN_ID}`} className="skip-link" onClick={skip}>
      跳到主要內容
    </a>
  );
}

export function RootLayout() {
  useFocusHeadingOnNavigation();
  return (
    <div className="app">
      <SkipLink />
      <SiteHeader />
      <div className="page-body">
        <main id={MAIN_ID} tabIndex={-1} className="main">
          <Outlet />
        </main>
        <SideColumn />
      </div>
      <SiteFooter />
      <SessionTimeout />
      <ScrollRestoration />
    </div>
  );
}
