// The 48-hour sweep of the default 催付 plan: for each platform and ladder group, creation times
// over 48 h in 15-minute steps, and how many of them ever get a due step before the order closes.
// Run: node scripts/plan-sweep.mjs   (loads the TypeScript sources through jiti; KEZHI_LIB=<dir>
// sweeps another copy of lib/, e.g. an older commit's, for a before/after comparison)
import { createJiti } from 'jiti';
import { pathToFileURL } from 'node:url';

const jiti = createJiti(import.meta.url);
const lib = process.env.KEZHI_LIB
  ? pathToFileURL(`${process.env.KEZHI_LIB}/`).href
  : new URL('../lib/', import.meta.url).href;
const { planReminders } = await jiti.import(new URL('reminders/plan.ts', lib).href);
const { DEFAULT_SETTINGS } = await jiti.import(new URL('settings.ts', lib).href);

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

/** Has [from, to) a minute outside the default quiet hours (22:00-08:00 China time)? */
function hasOpenMinute(from, to) {
  for (let t = from; t < to; t += MINUTE) {
    const h = new Date(t + 8 * 60 * MINUTE).getUTCHours();
    if (h >= 8 && h < 22) return true;
  }
  return false;
}

const total = (48 * 60) / 15;
console.log(`creation times swept: ${total} (48 h, 15-min steps, from 00:00 China time)`);
console.log(
  'cell: creation times with a due step before close / those with a non-quiet minute before close',
);
console.log(['platform', 'window', ...GROUPS.map((g) => g.name)].join('\t'));
for (const p of PLATFORMS) {
  const minutes = DEFAULT_SETTINGS.reminders.autoCloseMinutes[p];
  const row = [p, `${minutes} min`];
  for (const g of GROUPS) {
    let hit = 0;
    let open = 0;
    for (let i = 0; i < total; i++) {
      const createdAt = START + i * 15 * MINUTE;
      if (hasOpenMinute(createdAt, createdAt + minutes * MINUTE)) open++;
      if (reachesDueStep(p, g, createdAt)) hit++;
    }
    row.push(`${hit}/${open}`);
  }
  console.log(row.join('\t'));
}
