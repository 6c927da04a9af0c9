import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The id the layout focuses after each navigation, so screen readers announce the new page. */
export const PAGE_HEADING_ID = 'page-heading';

interface PageProps {
  title: string;
  /** Shown under the heading, e.g. a one-line explanation of the page. */
  lead?: ReactNode;
  children: ReactNode;
}

export function Page({ title, lead, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <>
      <nav aria-label="目前位置" className="breadcrumb">
        <p>
          目前位置：<span aria-current="page">{title}</span>
        </p>
      </nav>
      <h1 id={PAGE_HEADING_ID} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {lead ? <p className="page-lead">{lead}</p> : null}
      {children}
    </>
  );
}
