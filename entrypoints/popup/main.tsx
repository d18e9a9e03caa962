/** Popup entry: mounts the App on the extension's database. (A page script: WXT never imports it in Node.) */
import { render } from 'preact';
import { pageRoot } from '@/components/page-root';
import { getDb } from '@/lib/db';
import { App } from './App';
import './style.css';

render(<App db={getDb()} />, pageRoot());
