/** Under the template text: its mistakes, the compliance check, and the rendered preview. */
import type { ComplianceIssue, parseTemplate, renderTemplate } from '@/lib/reminders';
import type { Lang } from '@/lib/i18n';
import type { T } from '@/lib/i18n/options';

export function TemplateChecks(props: {
  t: T;
  lang: Lang;
  parseErrors: ReturnType<typeof parseTemplate>['errors'];
  rendered: ReturnType<typeof renderTemplate> | undefined;
  issues: readonly ComplianceIssue[];
  previewNote: string;
}) {
  const { t, rendered, parseErrors, issues } = props;
  const failed = rendered !== undefined && !rendered.ok;
  const errors = rendered && !rendered.ok ? rendered.errors : parseErrors;
  return (
    <>
      {parseErrors.length > 0 || failed ? (
        <div class="field-error" role="alert" data-testid="tpl-errors">
          <strong>{t('tplErrors')}</strong>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                {e.message}
                {e.code === 'unknown-variable' || e.code === 'no-value' ? '' : ` (${e.variable})`} @
                {e.index}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div class="compliance" data-testid="tpl-compliance">
        <strong>{t('tplCompliance')}</strong>：
        {issues.length === 0 ? (
          <span class="ok">{t('tplComplianceOk')}</span>
        ) : (
          <ul>
            {issues.map((i) => (
              <li
                key={i.code}
                class={i.severity === 'error' ? 'field-error' : 'warning'}
                data-code={i.code}
              >
                {i.message[props.lang]}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div class="preview">
        <strong>{t('tplPreview')}</strong>
        <p class="hint" data-testid="tpl-preview-source">
          {props.previewNote}
        </p>
        <pre data-testid="tpl-preview">{rendered?.ok ? rendered.text : ''}</pre>
      </div>
    </>
  );
}
