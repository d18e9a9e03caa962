/** "Being handled by": a claim counts for ten minutes, and never on the desk that made it. */
import type { Claim } from './docs';

export const CLAIM_MS = 10 * 60_000;

/** Who is handling this order for the other desks right now, if anyone. */
export function handledBy(
  claim: Claim | undefined,
  ctx: { device: string; now: number },
): { staff: string; at: number } | undefined {
  if (!claim || claim.device === ctx.device) return undefined;
  if (claim.at > ctx.now + 60_000 || ctx.now - claim.at >= CLAIM_MS) return undefined;
  return { staff: claim.staff, at: claim.at };
}
