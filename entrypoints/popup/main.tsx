/**
 * Popup entry: opens the database, asks for the settings and reads the recent list, then loads
 * the App (a page script: WXT never imports it in Node). The App's code is a second file: the
 * database opens and the first list is read while it loads and compiles.
 */
import { render } from 'preact';
import { pageRoot } from '@/components/page-root';
import { readSettings } from '@/lib/browser/settings-read';
import { getDb } from '@/lib/db';
import { prefetchRecent } from './recent-read';
import './style.css';

const db = getDb();
db.open().catch(() => undefined); // a failed open is reported by the first read
const settings = readSettings();
settings.catch(() => undefined); // the App falls back to the defaults
const recent = prefetchRecent(db);
import('./App').then(
  ({ App }) => render(<App db={db} settings={settings} recent={recent} />, pageRoot()),
  (e: unknown) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `客知弹窗未能加载 / Kezhi's popup could not load: ${e instanceof Error ? e.message : String(e)}`;
    pageRoot().append(p);
  },
);
