/**
 * Only the seller's own gesture may copy, log or change data from the overlay. The overlay lives
 * in a page whose scripts can dispatch synthetic events at any element they reach; such events
 * are never `isTrusted`. Unit tests (testing-library's fireEvent is synthetic too) accept them
 * through the seam below; browser tests click for real.
 */
let acceptSynthetic = false;

/** Did a person cause this event (not page script)? */
export function isUserEvent(e: Event): boolean {
  return e.isTrusted || acceptSynthetic;
}

/** Test seam: accept synthetic events (test/setup.ts turns it on; a test turns it off). */
export function acceptSyntheticEvents(on: boolean): void {
  acceptSynthetic = on;
}
