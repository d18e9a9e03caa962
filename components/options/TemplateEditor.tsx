/**
 * The message-template editor: pick a 催付 group or another moment, a channel and a tone; edit
 * the text; insert variables at the cursor; see it rendered on a real order from the history, with
 * the template's mistakes and the compliance check inline. Saves overrides into
 * settings.templates; "restore default" drops the override.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseTemplateSet, exportTemplateSet } from '@/lib/backup/templates';
import {
  DEFAULT_TEMPLATES,
  MOMENT_CHANNELS,
  TEMPLATE_VARIABLES,
  checkCompliance,
  momentTemplateId,
  parseTemplate,
  remindTemplateId,
  renderTemplate,
  templateFor,
  templatePurpose,
  type ComplianceIssue,
  type TemplateVars,
} from '@/lib/reminders';
import type { Channel, Tone } from '@/lib/schemas';
import { ConfirmButton, StatusNote, errorText } from './controls';
import { readText } from './read-file';
import { TemplateChecks } from './TemplateChecks';
import { TemplatePicker, type TemplatePick } from './TemplatePicker';
import { bound, type Lang } from '@/lib/i18n';
import { t as optionsT } from '@/lib/i18n/options';

/** Where the preview's values come from, and the values. */
export interface TemplatePreviewSource {
  /** unpaid: the most recent unpaid order; recent: another order of the history; sample: none. */
  kind: 'unpaid' | 'recent' | 'sample';
  vars: TemplateVars;
}

export interface TemplateEditorProps {
  lang: Lang;
  /** settings.templates */
  overrides: Readonly<Record<string, string>>;
  /** settings.reminders.tone, the tone the editor opens on. */
  defaultTone: Tone;
  /** Undefined while the order is being looked up. */
  preview: TemplatePreviewSource | undefined;
  /** Saves the whole override set (settings.templates). */
  onSave: (templates: Record<string, string>) => Promise<void>;
  /** Offers a file to download. */
  onDownload: (fileName: string, text: string) => void;
  /** Clock for the export file's stamp. */
  now?: () => number;
}

/** The template editor. */
export function TemplateEditor(props: TemplateEditorProps) {
  const t = bound(optionsT, props.lang);
  const [pick, setPick] = useState<TemplatePick>({
    kind: 'remind',
    group: 'new',
    moment: 'care.day2',
    channel: 'chat',
    tone: props.defaultTone,
  });
  const { kind, group, moment, channel, tone } = pick;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{
    kind: 'ok' | 'error';
    text: string;
    details?: string[];
  } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);

  const momentChannel = (MOMENT_CHANNELS as readonly Channel[]).includes(channel)
    ? (channel as (typeof MOMENT_CHANNELS)[number])
    : 'chat';
  const id =
    kind === 'remind'
      ? remindTemplateId(group, channel, tone)
      : momentTemplateId(moment, momentChannel);
  const builtIn = templateFor(id, props.lang, {}) ?? '';
  const overridden =
    Object.hasOwn(props.overrides, id) && (props.overrides[id] ?? '').trim() !== '';
  const text = drafts[id] ?? templateFor(id, props.lang, props.overrides) ?? '';
  const setText = (v: string) => {
    setDrafts((d) => ({ ...d, [id]: v }));
    setStatus(null);
  };

  // Put the caret after an inserted variable once the new text is rendered.
  useLayoutEffect(() => {
    if (caret.current !== null && area.current) {
      area.current.focus();
      area.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  });

  const insert = (token: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? start;
    setText(text.slice(0, start) + token + text.slice(end));
    caret.current = start + token.length;
  };

  const purpose = templatePurpose(id);
  const effectiveChannel: Channel = kind === 'remind' ? channel : momentChannel;
  const parseErrors = parseTemplate(text, props.lang).errors;
  const rendered = props.preview ? renderTemplate(text, props.preview.vars, props.lang) : undefined;
  const issues: ComplianceIssue[] = checkCompliance(text, { channel: effectiveChannel, purpose });
  if (rendered?.ok)
    for (const i of checkCompliance(rendered.text, { channel: effectiveChannel, purpose }))
      if (!issues.some((j) => j.code === i.code)) issues.push(i);
  const blocking = parseErrors.length > 0 || issues.some((i) => i.severity === 'error');
  const otherDrafts = Object.keys(drafts).filter((k) => k !== id).length;

  const save = async (next: Record<string, string>, done: string) => {
    try {
      await props.onSave(next);
      setDrafts((d) => {
        const { [id]: _, ...rest } = d;
        return rest;
      });
      setStatus({ kind: 'ok', text: done });
    } catch (e) {
      setStatus({ kind: 'error', text: t('saveFailed') + errorText(e) });
    }
  };

  const saveCurrent = () => {
    if (blocking) return setStatus({ kind: 'error', text: t('tplCannotSave') });
    const next = { ...props.overrides };
    if (text.trim() === '' || text === DEFAULT_TEMPLATES[props.lang][id]) delete next[id];
    else next[id] = text;
    void save(next, t('tplSaved'));
  };

  const resetCurrent = () => {
    const next = { ...props.overrides };
    delete next[id];
    void save(next, t('tplResetDone'));
  };

  const importFile = async (file: File) => {
    let result;
    try {
      result = parseTemplateSet(await readText(file));
    } catch (e) {
      return setStatus({ kind: 'error', text: t('failed') + errorText(e) });
    }
    if (!result.ok)
      return setStatus({
        kind: 'error',
        text: result.message[props.lang],
        details: result.problems.slice(0, 20).map((p) => `${p.id}: ${p.reason}`),
      });
    try {
      await props.onSave({ ...props.overrides, ...result.templates });
      setStatus({
        kind: 'ok',
        text: t('tplImported', { n: Object.keys(result.templates).length }),
      });
    } catch (e) {
      setStatus({ kind: 'error', text: t('saveFailed') + errorText(e) });
    }
  };

  const who = { id: props.preview?.vars.orderId ?? '', buyer: props.preview?.vars.buyer ?? '' };
  const previewNote = !props.preview
    ? ''
    : props.preview.kind === 'sample'
      ? t('tplPreviewSample')
      : t(props.preview.kind === 'recent' ? 'tplPreviewAny' : 'tplPreviewOrder', who);

  return (
    <section class="templates" data-testid="template-editor">
      <TemplatePicker
        t={t}
        pick={{ ...pick, channel: effectiveChannel }}
        onChange={(patch) => setPick((p) => ({ ...p, ...patch }))}
      />

      <p class="hint">
        <code data-testid="tpl-id">{id}</code> · {overridden ? t('tplOverridden') : t('tplDefault')}
        {otherDrafts > 0 ? ` · ${t('tplUnsavedOthers', { n: otherDrafts })}` : ''}
      </p>

      <div class="vars" role="toolbar" aria-label={t('tplInsert')}>
        <span class="label">{t('tplInsert')}：</span>
        {TEMPLATE_VARIABLES.map((v) => {
          const token = `{${props.lang === 'zh_CN' ? v.zh : v.en}}`;
          return (
            <button
              type="button"
              key={v.key}
              title={v.description[props.lang]}
              data-testid={`tpl-var-${v.key}`}
              // Keep the textarea's selection: a mousedown on a button would move focus first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(token)}
            >
              {token}
            </button>
          );
        })}
      </div>

      <textarea
        ref={area}
        rows={8}
        maxLength={2000}
        value={text}
        placeholder={builtIn}
        data-testid="tpl-text"
        aria-invalid={parseErrors.length > 0}
        onInput={(e) => setText(e.currentTarget.value)}
      />

      <TemplateChecks
        t={t}
        lang={props.lang}
        parseErrors={parseErrors}
        rendered={rendered}
        issues={issues}
        previewNote={previewNote}
      />

      <div class="actions">
        <button type="button" class="primary" data-testid="tpl-save" onClick={saveCurrent}>
          {t('tplSave')}
        </button>{' '}
        <ConfirmButton
          action="tplReset"
          testId="tpl-reset"
          t={t}
          disabled={!overridden && drafts[id] === undefined}
          onConfirm={resetCurrent}
        />{' '}
        <button
          type="button"
          data-testid="tpl-export"
          onClick={() =>
            props.onDownload(
              'kezhi-templates.json',
              exportTemplateSet(props.overrides, (props.now ?? Date.now)()),
            )
          }
        >
          {t('tplExport')}
        </button>{' '}
        <label class="button">
          {t('tplImport')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="tpl-import"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      <StatusNote status={status} testId="tpl-status" as="div">
        {status?.details?.length ? (
          <ul>
            {status.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </StatusNote>
    </section>
  );
}
