/**
 * What the seller keeps by hand on a card: tags, note, blacklist, and forgetting the customer.
 * Each edit is a callback; drafts stay local until saved.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n';
import { t as pt } from '@/lib/i18n/popup';
import { BLACKLIST_REASONS, COMMON_TAGS } from './choices';

/** A text field offering `suggestions` as the browser's own drop-down. */
function SuggestField(props: {
  label: string;
  placeholder: string;
  maxLength: number;
  value: string;
  suggestions: readonly string[];
  onValue: (value: string) => void;
  onKeyDown?: (e: JSX.TargetedKeyboardEvent<HTMLInputElement>) => void;
  onBlur?: () => void;
}): JSX.Element {
  const listId = useId();
  return (
    <>
      <input
        class="kp-field"
        aria-label={props.label}
        placeholder={props.placeholder}
        list={listId}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        onKeyDown={props.onKeyDown}
        onBlur={props.onBlur}
      />
      <datalist id={listId}>
        {props.suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}

/** The longest tag CustomerMeta accepts. */
const TAG_MAX = 30;

/** Tags: typed, or picked from the common ones and those on other customers. */
export function TagEditor(props: {
  lang: Lang;
  tags: string[];
  knownTags: readonly string[];
  onTags: (tags: string[]) => void;
}): JSX.Element {
  const { lang, tags } = props;
  const [draft, setDraft] = useState('');
  const suggestions = [...new Set([...COMMON_TAGS, ...props.knownTags])].filter(
    (s) => !tags.includes(s),
  );
  const add = (raw: string) => {
    const tag = Array.from(raw.trim()).slice(0, TAG_MAX).join('');
    if (tag && !tags.includes(tag)) props.onTags([...tags, tag]);
    setDraft('');
  };
  return (
    <section class="kp-section" aria-label={pt(lang, 'card.tags')}>
      <h3 class="kp-h3">{pt(lang, 'card.tags')}</h3>
      <ul class="kp-tags">
        {tags.map((tag) => (
          <li key={tag} class="kp-tag">
            <bdi>{tag}</bdi>
            <button
              type="button"
              class="kp-x"
              aria-label={pt(lang, 'card.tagRemove', { tag })}
              onClick={() => props.onTags(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <SuggestField
        label={pt(lang, 'card.tagAdd')}
        placeholder={pt(lang, 'card.tagPlaceholder')}
        maxLength={TAG_MAX}
        value={draft}
        suggestions={suggestions}
        onValue={setDraft}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.isComposing) {
            e.preventDefault();
            add(draft);
          }
        }}
      />
      {suggestions.length > 0 && (
        <div class="kp-suggest">
          <span class="kp-muted">{pt(lang, 'card.tagSuggest')}</span>
          {suggestions.slice(0, 8).map((s) => (
            <button key={s} type="button" class="kp-chipbtn" onClick={() => add(s)}>
              + <bdi>{s}</bdi>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

/** The note, saved on blur or Ctrl+Enter; another staff member's save shows unless we type. */
export function NoteEditor(props: {
  lang: Lang;
  note: string;
  onNote: (note: string) => void;
}): JSX.Element {
  const { lang } = props;
  const [draft, setDraft] = useState(props.note);
  const editing = useRef(false);
  // A note saved elsewhere (another staff member's overlay) shows up unless we are typing.
  useEffect(() => {
    if (!editing.current) setDraft(props.note);
  }, [props.note]);
  const save = () => {
    if (draft !== props.note) props.onNote(draft);
  };
  return (
    <section class="kp-section">
      <label class="kp-h3" for="kp-note">
        {pt(lang, 'card.note')}
      </label>
      <textarea
        id="kp-note"
        class="kp-field kp-note"
        rows={3}
        maxLength={5000}
        placeholder={pt(lang, 'card.notePlaceholder')}
        value={draft}
        onFocus={() => (editing.current = true)}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => {
          editing.current = false;
          save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
      />
    </section>
  );
}

/** The blacklist mark and its reason (suggested ones offered). */
export function Blacklist(props: {
  lang: Lang;
  blacklisted: boolean;
  reason: string;
  onBlacklist: (blacklisted: boolean, reason: string) => void;
}): JSX.Element {
  const { lang } = props;
  const [reason, setReason] = useState(props.reason);
  useEffect(() => setReason(props.reason), [props.reason]);
  return (
    <section class="kp-section kp-blacklist">
      <label class="kp-check">
        <input
          type="checkbox"
          checked={props.blacklisted}
          onChange={(e) => props.onBlacklist(e.currentTarget.checked, reason.trim())}
        />
        {pt(lang, 'card.blacklist')}
      </label>
      <SuggestField
        label={pt(lang, 'card.blacklistReason')}
        placeholder={pt(lang, 'card.blacklistPlaceholder')}
        maxLength={500}
        value={reason}
        suggestions={BLACKLIST_REASONS}
        onValue={setReason}
        onBlur={() => {
          if (reason.trim() !== props.reason) props.onBlacklist(props.blacklisted, reason.trim());
        }}
      />
    </section>
  );
}

/** Forgetting the customer, after the seller confirms. */
export function Forget(props: { lang: Lang; onForget: () => void }): JSX.Element {
  const { lang } = props;
  const [asking, setAsking] = useState(false);
  return (
    <section class="kp-section kp-forget">
      {asking ? (
        <div role="alertdialog" aria-label={pt(lang, 'card.forget')}>
          <p>{pt(lang, 'card.forgetConfirm')}</p>
          <button type="button" class="kp-danger" onClick={props.onForget}>
            {pt(lang, 'card.forgetYes')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {pt(lang, 'card.forgetNo')}
          </button>
        </div>
      ) : (
        <button type="button" class="kp-link-danger" onClick={() => setAsking(true)}>
          {pt(lang, 'card.forget')}
        </button>
      )}
    </section>
  );
}
