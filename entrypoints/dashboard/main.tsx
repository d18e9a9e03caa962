import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pageRoot } from '@/components/page-root';
import { getDb } from '@/lib/db';
import { loadSettings, watchSettings } from '@/lib/browser/settings-store';
import { App } from './App';
import { downloadText } from './download';
import './style.css';

render(
  <App
    db={getDb()}
    loadSettings={loadSettings}
    watchSettings={watchSettings}
    openOptions={() => void browser.runtime.openOptionsPage()}
    download={downloadText}
  />,
  pageRoot(),
);
