/**
 * The seller's template set as a JSON file, for moving edited templates between browsers or
 * staff. Only the seller's overrides travel (the built-in set ships with the extension). On
 * import every template is checked: sizes as settings.templates allows, and well-formed
 * variables (an unknown variable or a lone brace would break the message later, at send time).
 */
import { z } from '../zod';
import { parseTemplate } from '../reminders';
import type { Message } from './format';

export const TEMPLATES_FORMAT = 'kezhi-templates';

const TemplateSetFile = z.object({
  format: z.literal(TEMPLATES_FORMAT),
  version: z.literal(1),
  exportedAt: z.number().optional(),
  templates: z.record(z.string().min(1).max(100), z.string().max(2000)),
});

/** The file for a set of overrides. */
export function exportTemplateSet(
  templates: Readonly<Record<string, string>>,
  now: number,
): string {
  return JSON.stringify(
    { format: TEMPLATES_FORMAT, version: 1, exportedAt: now, templates },
    null,
    2,
  );
}

export type TemplateSetResult =
  | { ok: true; templates: Record<string, string> }
  | { ok: false; message: Message; problems: { id: string; reason: string }[] };

/** Reads and checks a template-set file; nothing partial: all valid, or the list of problems. */
export function parseTemplateSet(text: string): TemplateSetResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      message: {
        zh_CN: '文件不是有效的 JSON（可能不完整），没有导入任何模板',
        en: 'The file is not valid JSON (it may be incomplete); no template was imported',
      },
      problems: [],
    };
  }
  const file = TemplateSetFile.safeParse(raw);
  if (!file.success) {
    const first = file.error.issues[0];
    return {
      ok: false,
      message: {
        zh_CN: '这不是客知的模板文件，或内容超出长度限制（模板最多 2000 字），没有导入任何模板',
        en: 'This is not a Kezhi template file, or a template is too long (2,000 characters at most); nothing was imported',
      },
      problems: first ? [{ id: first.path.map(String).join('.'), reason: first.message }] : [],
    };
  }
  const problems: { id: string; reason: string }[] = [];
  for (const [id, template] of Object.entries(file.data.templates)) {
    const { errors } = parseTemplate(template);
    if (errors[0]) problems.push({ id, reason: `${errors[0].message} (${errors[0].variable})` });
  }
  if (problems.length)
    return {
      ok: false,
      message: {
        zh_CN: `${problems.length} 个模板有错误（未知变量或花括号不成对），没有导入任何模板`,
        en: `${problems.length} template(s) have errors (unknown variable or unbalanced brace); nothing was imported`,
      },
      problems,
    };
  return { ok: true, templates: file.data.templates };
}
