/**
 * Which app the browser installs from this page: the kiosk's manifest on /kiosk… (its icon opens the kiosk), the
 * site's everywhere else (pwa/vite.config.ts builds both). Follows in-app navigation, not only the first load.
 */
export function linkManifestFor(path: string): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  const href = path.startsWith('/kiosk') ? '/kiosk.webmanifest' : '/manifest.webmanifest';
  if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
}
