import { render } from 'preact';
import { pageRoot } from '@/components/page-root';
import { App } from './App';
import '@/components/page-base.css';
import './style.css';

render(<App />, pageRoot());
