import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The box a wide table scrolls in, so that the page itself never scrolls sideways. While the
 * table is wider than the box, the box is a region named after the table's caption and takes
 * focus, so that it can be scrolled with the arrow keys (WCAG 2.1.1) and a screen reader says
 * what it is; while everything fits it is a plain box and no extra Tab stop.
 */
export function ScrollRegion({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      setName(scrolls ? (box.querySelector('caption')?.textContent ?? '表格').trim() : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} className="table-wrap" {...(name === null ? {} : { role: 'region', 'aria-label': name, tabIndex: 0 })}>
      {children}
    </div>
  );
}
