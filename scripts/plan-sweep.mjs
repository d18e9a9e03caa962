// The 48-hour sweep of the default 催付 plan: for each platform and ladder group, creation times
// over 48 h in 15-minute steps, and how many of them ever get a due step before the order closes.
// Run: node scripts/plan-sweep.mjs   (loads the TypeScript sources through jiti)
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { planReminders } = await jiti.import('../lib/reminders/plan.ts');
const { DEFAULT_SETTINGS } = await jiti.import('../lib/settings.ts');

const MINUTE = 60_000;
const START = Date.UTC(2026, 4, 4, 16, 0); // 2026-05-05 00:00 China time
const PLATFORMS = ['taobao', 'pinduoduo', 'jd', 'douyin', 'woocommerce', 'shopify'];
const GROUPS = [
  { name: 'new', kind: 'new', amount: 10_000 },
  { name: 'returning', kind: 'returning', amount: 10_000 },
  { name: 'large', kind: 'returning', amount: 100_000 },
];

/** Does the order get a due step at some instant before it closes? Checked minute by minute. */
function reachesDueStep(platform, group, createdAt) {
  const base = {
    order: { key: 'k', platform, status: 'unpaid', createdAt, amount: group.amount },
    kind: group.kind,
    blacklisted: false,
    siblingPaid: false,
    contacts: [],
    settings: DEFAULT_SETTINGS,
  };
  const close = planReminders({ ...base, now: createdAt }).autoCloseAt;
  // Steps only change state at their own times: probing just before close and at each step's
  // time is enough to see any due step.
  const probes = new Set([close - 1]);
  for (const s of planReminders({ ...base, now: createdAt }).steps)
    if (s.at < close) probes.add(Math.max(createdAt, s.at));
  for (const now of probes)
    if (now < close && planReminders({ ...base, now }).dueNow !== null) return true;
  return false;
}

const total = (48 * 60) / 15;
console.log(`creation times swept: ${total} (48 h, 15-min steps, from 00:00 China time)`);
console.log(['platform', ...GROUPS.map((g) => g.name)].join('\t'));
for (const p of PLATFORMS) {
  const row = [p];
  for (const g of GROUPS) {
    let hit = 0;
    for (let i = 0; i < total; i++) if (reachesDueStep(p, g, START + i * 15 * MINUTE)) hit++;
    row.push(`${hit}/${total}`);
  }
  console.log(row.join('\t'));
}
