import type { ReactNode } from 'react';

/** States plainly that a feature is not available yet, so nothing pretends to work. */
export function NextStageNotice({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="notice">
      <span className="notice-badge" aria-hidden="true">
        !
      </span>
      {children}
    </p>
  );
}
