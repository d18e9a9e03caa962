/** Validating the settings draft into errors by field path, in the seller's language. */
import { LadderStep, Settings } from '@/lib/settings';
import type { T } from '@/lib/i18n/options';
import { describeIssue } from '../format';
import type { Errors } from './section';

/** Validates a draft: the parsed settings, or the errors by field path. */
export function validateSettings(
  draft: Settings,
  t: T,
): { ok: true; value: Settings } | { ok: false; errors: Errors } {
  const r = Settings.safeParse(draft);
  if (r.success) return { ok: true, value: r.data };
  const errors: Errors = new Map();
  for (const issue of r.error.issues) {
    let path = issue.path.map(String).join('.');
    let text = describeIssue(issue, t);
    // A ladder step is a union: report the problem of the branch the step is written in.
    if (issue.code === 'invalid_union') {
      const step = issue.path.reduce<unknown>(
        (o, k) => (o as Record<PropertyKey, unknown> | undefined)?.[k],
        draft,
      );
      const branch =
        LadderStep.options[step && typeof step === 'object' && 'afterMinutes' in step ? 0 : 1];
      const inner = branch.safeParse(step);
      if (!inner.success && inner.error.issues[0]) {
        const first = inner.error.issues[0];
        path = [...issue.path, ...first.path].map(String).join('.');
        text = describeIssue(first, t);
      }
    }
    errors.set(path, [...(errors.get(path) ?? []), text]);
  }
  return { ok: false, errors };
}
