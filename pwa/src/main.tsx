import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './sw-bridge';
import './styles.css';

render(<App />, document.getElementById('app')!);
registerServiceWorker((apply) => window.dispatchEvent(new CustomEvent('pwa-update-ready', { detail: apply })));
