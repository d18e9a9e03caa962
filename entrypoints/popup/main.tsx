/** Popup entry: mounts the App on the extension's database. (A page script: WXT never imports it in Node.) */
import { render } from 'preact';
import { pageRoot } from '@/components/page-root';
import { getDb } from '@/lib/db';
import { App } from './App';
import './style.css';

const db = getDb();
// Opening the database takes a while: it opens while the settings load (the App's first wait),
// so the first list's reads start on an open database.
db.open().catch(() => undefined); // a failed open is reported by the first read
render(<App db={db} />, pageRoot());
