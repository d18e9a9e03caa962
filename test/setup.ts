import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { configure } from '@testing-library/preact';

// A fresh fake IndexedDB and a clean fake browser before every test (style.md, Habits).
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

// findBy*/waitFor give up after 1 s by default; on a loaded 2-core CI machine an import worker or
// a liveQuery can take longer than that without anything being wrong.
configure({ asyncUtilTimeout: 10_000 });
