import { render } from 'preact';
import { App } from './app';
import { watchReachability } from '../../client/reachability';
import './styles.css';

// The online badge shows what the collector last answered; this probe keeps it current between requests.
// The client loads beside the first screen (the kiosk and the dashboards share that chunk).
watchReachability(async () => (await import('../../client/collector')).createCollector().request('/api/health', { timeoutMs: 10_000 }), window);
render(<App />, document.getElementById('app')!);
// Workbox's page side loads after the first screen: nothing on it needs the service worker yet.
void import('./sw-bridge').then(({ registerServiceWorker }) =>
  registerServiceWorker((apply) => window.dispatchEvent(new CustomEvent('pwa-update-ready', { detail: apply }))),
);
