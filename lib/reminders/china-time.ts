/** Moved to lib/china-time.ts; kept so plan.ts, render.ts and the overlay's format.ts still resolve. */
export * from '../china-time';
