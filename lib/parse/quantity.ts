/**
 * Quantities as order pages and report cells print them. Each reader returns undefined rather
 * than guessing. Shared by the adapters and the report importers.
 */

/** "2", "×2", "x 2" (an order page's quantity cell) -> 2. */
export function parseQuantity(text: string): number | undefined {
  const m = /^[x×X*]?\s*(\d{1,6})$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** A report cell's count: "2", or "2.0" as spreadsheets may write it; anything fractional is not. */
export function parseCellCount(text: string): number | undefined {
  const m = /^(\d{1,6})(?:\.0+)?$/.exec(text);
  return m ? Number(m[1]) : undefined;
}
