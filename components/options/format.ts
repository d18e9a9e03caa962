import type { z } from '@/lib/zod';
import type { OptionsKey, T } from '@/lib/i18n/options';

/** Custom (refine) messages by field path. */
const CUSTOM: Record<string, OptionsKey> = {
  lifecycle: 'lifecycleOrder',
  'tier.shares': 'sharesOver100',
};

/** A zod issue as a short sentence in the seller's language. */
export function describeIssue(issue: z.core.$ZodIssue, t: T): string {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? t('errInt') : t('errNumber');
    case 'too_small':
      return t('errMin', { n: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('errMaxLen', { n: Number(issue.maximum) });
      if (issue.origin === 'array') return t('errMaxItems', { n: Number(issue.maximum) });
      return t('errMax', { n: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'url' ? t('errUrl') : issue.message;
    case 'custom': {
      const key = CUSTOM[path];
      return key ? t(key) : issue.message;
    }
    default:
      return issue.message;
  }
}

/** A byte count for people: "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
