import type { OrderInput } from '../lib/schemas';

export function rng(seed: number): () => number;
export function nickFor(i: number, rand: () => number): string;
export function generateHistory(opts: {
  platform?: OrderInput['platform'];
  shopId: string;
  orders?: number;
  buyers?: number;
  knownBuyers?: string[];
  now?: number;
  seed?: number;
  idPrefix?: string;
}): OrderInput[];
