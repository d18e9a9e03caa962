/** Probe service worker without PouchDB: the baseline for size and start cost. */
import { probe } from './base';

Object.assign(globalThis, { probe, probeReady: performance.now() });
