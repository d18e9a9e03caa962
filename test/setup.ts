import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { configure } from '@testing-library/preact';
import { acceptSyntheticEvents } from '../components/overlay/trusted';
import fc from 'fast-check';

// Under jsdom, structuredClone (which fake-indexeddb stores with) makes typed arrays of Node's
// realm while the globals are jsdom's: a Float64Array read back would not be one here, as it is
// in a browser. Use the clone's constructors, so a stored Float64Array stays a Float64Array.
for (const name of [
  'Float64Array',
  'Float32Array',
  'Int32Array',
  'Uint32Array',
  'Uint8Array',
] as const) {
  const Ctor = Object.getPrototypeOf(structuredClone(new globalThis[name](0))).constructor;
  if (Ctor !== globalThis[name]) Object.assign(globalThis, { [name]: Ctor });
}

// A fresh fake IndexedDB and a clean fake browser before every test (style.md, Habits).
beforeEach(() => {
  fakeBrowser.reset();
  // fireEvent's events are synthetic; the overlay refuses those outside tests (trusted.ts).
  acceptSyntheticEvents(true);
  globalThis.indexedDB = new IDBFactory();
});

// findBy*/waitFor give up after 1 s by default; on a loaded 2-core CI machine an import worker or
// a liveQuery can take longer than that without anything being wrong.
configure({ asyncUtilTimeout: 10_000 });

// Every property runs with one fixed seed, so `npm test` cannot fail at random; fast-check prints
// the seed and path of any failure. `npm run fuzz` (KEZHI_FUZZ_DRAW=1) draws fresh seeds instead,
// and KEZHI_FUZZ_SEED replays a given one.
const drawSeeds = process.env.KEZHI_FUZZ_DRAW === '1' && !process.env.KEZHI_FUZZ_SEED;
if (!drawSeeds) fc.configureGlobal({ seed: Number(process.env.KEZHI_FUZZ_SEED ?? 20261206) });

// Preact runs effects after paint: a requestAnimationFrame, with a 35 ms timer as fallback that
// calls cancelAnimationFrame. If a jsdom file ends while one is pending, the timer fires after
// jsdom's globals are gone ("cancelAnimationFrame is not defined", an unhandled error on a loaded
// machine). Let every pending frame run before the environment is torn down.
afterAll(async () => {
  if (typeof window === 'undefined' || typeof requestAnimationFrame !== 'function') return;
  for (let i = 0; i < 3; i++)
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
});
