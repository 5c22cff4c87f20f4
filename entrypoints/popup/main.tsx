import { render } from 'preact';
import { App } from './App';
import './popup.css';
import './touch.css';

render(<App />, document.getElementById('app')!);
