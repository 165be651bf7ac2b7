import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.tsx';

let firstPage = true;

/**
 * The page's `<h1>`: sets the document title and, after an in-app navigation, takes focus so screen-reader and
 * keyboard users start at the new content (RGAA 12.x / WCAG 2.4.3).
 */
export function PageTitle({ children }: { children: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t.pageTitle(children);
  }, [children, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-title">
      {children}
    </h1>
  );
}
