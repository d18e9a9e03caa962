/** Popup entry: mounts the App on the extension's database. (A page script: WXT never imports it in Node.) */
import { render } from 'preact';
import { getDb } from '@/lib/db';
import { App } from './App';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App db={getDb()} />, root);
