/** A share as a whole percent: 0.7 → "70%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
