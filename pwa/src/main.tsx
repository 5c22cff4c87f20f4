import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './sw-bridge';
import { createCollector } from '../../client/collector';
import { watchReachability } from '../../client/reachability';
import './styles.css';

// The online badge shows what the collector last answered; this probe keeps it current between requests.
watchReachability(() => createCollector().request('/api/health', { timeoutMs: 10_000 }), window);
render(<App />, document.getElementById('app')!);
registerServiceWorker((apply) => window.dispatchEvent(new CustomEvent('pwa-update-ready', { detail: apply })));
