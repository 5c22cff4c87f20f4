import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../app';

export interface Tab {
  slug: string;
  label: string;
  /** What waits there, shown in the label: "Đơn cần xem xét (2)". */
  count?: number | null;
}

/** The sub-page under /bang-dieu-khien/<slug>, following back/forward. */
export function useSubPage(tabs: Tab[]): string {
  const read = () => {
    const slug = location.pathname.split('/')[2] ?? '';
    return tabs.some((t) => t.slug === slug) ? slug : tabs[0].slug;
  };
  const [, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  // Read on every render: the list of pages can change (a page the collector cannot serve is left out).
  return read();
}

/** Navigation between a dashboard's pages: real links, so they open in a new tab and survive reloads. */
export function TabNav({ tabs, current, label }: { tabs: Tab[]; current: string; label: string }) {
  return (
    <nav class="dash-tabs" aria-label={label}>
      <ul>
        {tabs.map((t) => {
          const href = `/bang-dieu-khien/${t.slug}${location.search}`;
          return (
            <li key={t.slug}>
              <a href={href} aria-current={t.slug === current ? 'page' : undefined} onClick={(e) => navigate(e, href)}>
                {t.count == null ? t.label : `${t.label} (${t.count})`}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
