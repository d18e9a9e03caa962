/**
 * The `search` message's schemas (lib/messaging.ts): the popup asks the background's in-memory
 * index, and checks the answer with the same schema before trusting it.
 */
import { z } from '../zod';
import { MAX_RAW_UNITS } from './normalize';

/** A typed query (search reads no further than {@link MAX_RAW_UNITS}) and how many answers. */
export const SearchRequest = z.object({
  q: z.string().max(MAX_RAW_UNITS),
  limit: z.number().int().min(0).max(1000),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

const MatchType = z.enum(['exact', 'prefix', 'substring', 'pinyin', 'order', 'phone']);

/** Ranked customer keys, best first; `building` while the index is built (ask the database). */
export const SearchAnswer = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    results: z.array(z.object({ key: z.string(), score: z.number(), match: MatchType })),
  }),
  z.object({ status: z.literal('building') }),
]);
export type SearchAnswer = z.infer<typeof SearchAnswer>;
