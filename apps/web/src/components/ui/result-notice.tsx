import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The outcome of an action that changed the page (核准, 下架, 儲存, 寄送…): it takes focus when it
 * appears, so that a screen reader reads it and the keyboard goes on from here instead of from
 * <body> when the button that was pressed disappears with its row or form.
 */
export function ResultNotice({ tone = 'success', children }: { tone?: 'success' | 'error'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return tone === 'success' ? (
    <div ref={ref} tabIndex={-1} role="status" className="notice-success">
      {children}
    </div>
  ) : (
    <div ref={ref} tabIndex={-1} className="alert alert-error">
      {children}
    </div>
  );
}
