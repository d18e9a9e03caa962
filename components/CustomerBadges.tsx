/**
 * The badge row: who this buyer is, in chips (tier, new/returning, lifecycle, RFM segment,
 * blacklist, tags). Every chip is focusable and explains itself in a hover/focus card with the
 * numbers and the rule that produced it. Presentational: props in, JSX out.
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import {
  KIND_LABELS,
  SEGMENT_LABELS,
  STAGE_LABELS,
  TIER_LABELS,
  explain,
  type CustomerView,
  type Lang,
  type Segment,
  type Stage,
} from '../lib/customers';
import { formatMoney } from '../lib/reminders';
import type { Settings } from '../lib/settings';
import { t } from './strings';

/** Props of {@link CustomerBadges}. */
export interface CustomerBadgesProps {
  /**
   * The buyer, best described as of the order on screen (describeCustomer with `asOf`): then
   * 老客 ×N counts this order as purchase N. A view without `asOf` counts all purchases.
   */
  view: CustomerView;
  /** 'masked': the platform hid the nick and gave no buyer id, so history cannot be matched. */
  identity: 'known' | 'masked';
  tags: string[];
  blacklisted: boolean;
  blacklistReason?: string;
  settings: Settings;
  lang: Lang;
  /** One line, at most COMPACT_TAGS tags (the rest behind a `+N` chip). */
  compact?: boolean;
}

/** Tags shown before a `+N` chip in the compact row. */
export const COMPACT_TAGS = 2;
/** Longest text kept in a `title` attribute or a tooltip line from user data. */
export const TITLE_MAX = 300;

/** Cuts user text for a title or tooltip by code point, so a 10,000-char tag stays bounded. */
export function bounded(text: string, max = TITLE_MAX): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : text;
}

/** Colour family of each lifecycle stage chip. */
export const STAGE_TONE: Readonly<Record<Stage, string>> = {
  new: 'teal',
  active: 'green',
  sleeping: 'amber',
  prechurn: 'orange',
  churned: 'slate',
};

/** Colour family of each RFM segment chip: valuable, new, needs a nudge, at risk, gone. */
export const SEGMENT_TONE: Readonly<Record<Segment, string>> = {
  champions: 'green',
  loyal: 'green',
  potentialLoyalist: 'green',
  new: 'teal',
  promising: 'teal',
  needAttention: 'amber',
  aboutToSleep: 'amber',
  atRisk: 'red',
  cantLoseThem: 'red',
  hibernating: 'slate',
  lost: 'slate',
};

interface ChipSpec {
  key: string;
  label: string;
  /** Classes beyond `kz-chip`, e.g. `kz-tier-vip kz-c-vip`. */
  cls: string;
  /** Tooltip lines. */
  tip: string[];
}

const yuan = (fen: number, lang: Lang) => formatMoney(fen, lang);
const oneDecimal = (p: number) => String(Math.round(p * 10) / 10);

/** 老客 ×N: N is this order's place among the buyer's purchases (as-of views count before + 1). */
function purchaseNumber(view: CustomerView): number {
  const asOfOrder = view.explanations.kind.rule.startsWith('kind.asOfOrder');
  return asOfOrder ? view.purchaseCount + 1 : view.purchaseCount;
}

function spendLines(view: CustomerView, lang: Lang): string[] {
  return [
    t(lang, 'fact.spend', {
      total: yuan(view.totalSpent, lang),
      avg: yuan(view.avgOrderValue, lang),
    }),
    view.spendPercentile === null
      ? t(lang, 'fact.percentileNone')
      : t(lang, 'fact.percentile', { p: oneDecimal(view.spendPercentile) }),
  ];
}

function tierRuleLine(settings: Settings, lang: Lang): string {
  const tier = settings.tier;
  if (tier.mode === 'threshold') {
    const th = tier.thresholds;
    return t(lang, 'fact.tierThreshold', {
      svipYuan: yuan(th.svip.spendYuan * 100, lang),
      svipCount: th.svip.count,
      vipYuan: yuan(th.vip.spendYuan * 100, lang),
      vipCount: th.vip.count,
      seniorYuan: yuan(th.senior.spendYuan * 100, lang),
      seniorCount: th.senior.count,
    });
  }
  const s = tier.shares;
  return t(lang, 'fact.tierRank', {
    svip: s.svip,
    vip: s.svip + s.vip,
    senior: s.svip + s.vip + s.senior,
  });
}

function daysLine(view: CustomerView, lang: Lang): string {
  return view.recencyDays === null
    ? t(lang, 'fact.daysNone')
    : t(lang, 'fact.days', { days: view.recencyDays });
}

/** The chips for a buyer, in display order. Exported for the popup's own layouts and tests. */
export function badgeChips(props: CustomerBadgesProps): ChipSpec[] {
  const { view, lang, settings } = props;
  const chips: ChipSpec[] = [];
  const ex = view.explanations;
  if (props.identity === 'masked') {
    chips.push({
      key: 'uncertain',
      label: t(lang, 'badge.uncertain'),
      cls: 'kz-uncertain kz-c-uncertain',
      tip: [t(lang, 'badge.uncertainTip')],
    });
    chips.push({
      key: 'tier',
      label: t(lang, 'badge.tierUnknown'),
      cls: 'kz-tier-unknown kz-c-uncertain',
      tip: [t(lang, 'badge.tierUnknownTip')],
    });
  } else {
    chips.push({
      key: 'tier',
      label: TIER_LABELS[view.tier][lang],
      cls: `kz-tier-${view.tier} kz-c-${view.tier}`,
      tip: [explain(ex.tier, lang), ...spendLines(view, lang), tierRuleLine(settings, lang)],
    });
    const n = purchaseNumber(view);
    chips.push({
      key: 'kind',
      label: view.kind === 'new' ? KIND_LABELS.new[lang] : t(lang, 'badge.returningTimes', { n }),
      cls: `kz-kind-${view.kind} kz-c-${view.kind === 'new' ? 'teal' : 'indigo'}`,
      tip: [
        explain(ex.kind, lang),
        t(lang, 'fact.count', { count: view.purchaseCount }),
        ...(view.explanations.kind.rule.startsWith('kind.asOfOrder')
          ? [t(lang, 'fact.nth', { n })]
          : []),
      ],
    });
    chips.push({
      key: 'stage',
      label: view.stage === 'new' ? t(lang, 'badge.firstOrder') : STAGE_LABELS[view.stage][lang],
      cls: `kz-stage-${view.stage} kz-c-${STAGE_TONE[view.stage]}`,
      tip: [
        explain(ex.stage, lang),
        daysLine(view, lang),
        t(lang, 'fact.lifecycle', {
          active: settings.lifecycle.activeDays,
          sleeping: settings.lifecycle.sleepingDays,
          prechurn: settings.lifecycle.prechurnDays,
        }),
      ],
    });
    const { r, f, m } = view.rfm;
    chips.push({
      key: 'segment',
      label: `${SEGMENT_LABELS[view.segment][lang]} R${r}F${f}M${m}`,
      cls: `kz-seg-${view.segment} kz-c-${SEGMENT_TONE[view.segment]}`,
      tip: [
        explain(ex.segment, lang),
        explain(ex.rfm, lang),
        daysLine(view, lang),
        ...spendLines(view, lang),
      ],
    });
  }
  if (props.blacklisted) {
    const reason = props.blacklistReason?.trim() ?? '';
    chips.push({
      key: 'blacklist',
      label: t(lang, 'badge.blacklist'),
      cls: 'kz-blacklist kz-c-red',
      tip: [
        t(lang, 'badge.blacklistTip'),
        ...(reason ? [t(lang, 'badge.blacklistReason', { reason: bounded(reason) })] : []),
      ],
    });
  }
  const shown = props.compact ? props.tags.slice(0, COMPACT_TAGS) : props.tags;
  shown.forEach((tag, i) =>
    chips.push({
      key: `tag-${i}`,
      label: tag,
      cls: 'kz-tag kz-c-tag',
      tip: [t(lang, 'badge.tag', { tag: bounded(tag) })],
    }),
  );
  const rest = props.tags.length - shown.length;
  if (rest > 0)
    chips.push({
      key: 'more-tags',
      label: t(lang, 'badge.moreTags', { n: rest }),
      cls: 'kz-tag kz-more kz-c-tag',
      tip: [
        t(lang, 'badge.moreTagsTip', {
          tags: bounded(props.tags.slice(shown.length).join('、')),
        }),
      ],
    });
  return chips;
}

/**
 * One chip and its card. The card is in the DOM from the start (so `aria-describedby` always has
 * a target) and shown while the chip is hovered or focused; Esc hides it (WCAG 1.4.13).
 */
function Chip(props: { spec: ChipSpec }): JSX.Element {
  const { spec } = props;
  const id = useId();
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hover || focus) && !dismissed;
  return (
    <span
      class="kz-chip-wrap"
      onMouseEnter={() => {
        setHover(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHover(false)}
    >
      <span
        class={`kz-chip ${spec.cls}`}
        tabIndex={0}
        aria-describedby={id}
        data-chip={spec.key}
        title={spec.key.startsWith('tag-') ? bounded(spec.label) : undefined}
        onFocus={() => {
          setFocus(true);
          setDismissed(false);
        }}
        onBlur={() => setFocus(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            setDismissed(true);
            e.stopPropagation();
          }
        }}
      >
        <bdi class="kz-chip-text">{spec.label}</bdi>
      </span>
      <span role="tooltip" id={id} class="kz-tip" hidden={!open}>
        {spec.tip.map((line, i) => (
          <span key={i} class="kz-tip-line">
            <bdi>{line}</bdi>
          </span>
        ))}
      </span>
    </span>
  );
}

/** The badge row for one buyer. */
export function CustomerBadges(props: CustomerBadgesProps): JSX.Element {
  const chips = badgeChips(props);
  return (
    <span
      class={props.compact ? 'kz-badges kz-compact' : 'kz-badges'}
      role="group"
      aria-label={t(props.lang, 'badges.label')}
      lang={props.lang === 'zh_CN' ? 'zh-CN' : 'en'}
    >
      {chips.map((spec) => (
        <Chip key={spec.key} spec={spec} />
      ))}
    </span>
  );
}

type Tokens = Record<string, string>;

/** Colour pairs (background, text, border) per chip family; every pair ≥ 4.5:1 contrast. */
const LIGHT: Tokens = {
  fg: '#1f2328',
  'fg-muted': '#57606a',
  bg: '#ffffff',
  'bg-subtle': '#f6f8fa',
  border: '#d0d7de',
  focus: '#0969da',
  'tip-bg': '#1f2328',
  'tip-fg': '#ffffff',
  shadow: '0 8px 24px rgba(31,35,40,.2)',
  'svip-bg': '#2b2410',
  'svip-fg': '#f5c542',
  'svip-bd': '#b8860b',
  'vip-bg': '#f3e8ff',
  'vip-fg': '#6b21a8',
  'vip-bd': '#c084fc',
  'senior-bg': '#dbeafe',
  'senior-fg': '#1e40af',
  'senior-bd': '#93c5fd',
  'regular-bg': '#f1f5f9',
  'regular-fg': '#334155',
  'regular-bd': '#cbd5e1',
  'green-bg': '#dcfce7',
  'green-fg': '#166534',
  'green-bd': '#86efac',
  'teal-bg': '#ccfbf1',
  'teal-fg': '#115e59',
  'teal-bd': '#5eead4',
  'indigo-bg': '#e0e7ff',
  'indigo-fg': '#3730a3',
  'indigo-bd': '#a5b4fc',
  'amber-bg': '#fef3c7',
  'amber-fg': '#92400e',
  'amber-bd': '#fcd34d',
  'orange-bg': '#ffedd5',
  'orange-fg': '#9a3412',
  'orange-bd': '#fdba74',
  'red-bg': '#fee2e2',
  'red-fg': '#991b1b',
  'red-bd': '#f87171',
  'slate-bg': '#e5e7eb',
  'slate-fg': '#374151',
  'slate-bd': '#9ca3af',
  'tag-bg': '#ffffff',
  'tag-fg': '#24292f',
  'tag-bd': '#8c959f',
  'uncertain-bg': '#fff8e6',
  'uncertain-fg': '#7a4b00',
  'uncertain-bd': '#d4a72c',
};

const DARK: Tokens = {
  fg: '#e6edf3',
  'fg-muted': '#9da7b3',
  bg: '#161b22',
  'bg-subtle': '#0d1117',
  border: '#3d444d',
  focus: '#58a6ff',
  'tip-bg': '#e6edf3',
  'tip-fg': '#0d1117',
  shadow: '0 8px 24px rgba(0,0,0,.6)',
  'svip-bg': '#2b2410',
  'svip-fg': '#f5c542',
  'svip-bd': '#d4a72c',
  'vip-bg': '#3b1d5e',
  'vip-fg': '#e9d5ff',
  'vip-bd': '#7e3fbf',
  'senior-bg': '#1e3a8a',
  'senior-fg': '#dbeafe',
  'senior-bd': '#3b82f6',
  'regular-bg': '#334155',
  'regular-fg': '#e2e8f0',
  'regular-bd': '#64748b',
  'green-bg': '#14532d',
  'green-fg': '#bbf7d0',
  'green-bd': '#22c55e',
  'teal-bg': '#134e4a',
  'teal-fg': '#99f6e4',
  'teal-bd': '#14b8a6',
  'indigo-bg': '#312e81',
  'indigo-fg': '#e0e7ff',
  'indigo-bd': '#6366f1',
  'amber-bg': '#78350f',
  'amber-fg': '#fde68a',
  'amber-bd': '#d97706',
  'orange-bg': '#7c2d12',
  'orange-fg': '#fed7aa',
  'orange-bd': '#ea580c',
  'red-bg': '#7f1d1d',
  'red-fg': '#fecaca',
  'red-bd': '#ef4444',
  'slate-bg': '#1f2937',
  'slate-fg': '#d1d5db',
  'slate-bd': '#4b5563',
  'tag-bg': '#161b22',
  'tag-fg': '#e6edf3',
  'tag-bd': '#6e7681',
  'uncertain-bg': '#3d2e00',
  'uncertain-fg': '#f2cc60',
  'uncertain-bd': '#9e6a03',
};

const decls = (tokens: Tokens) =>
  Object.entries(tokens)
    .map(([k, v]) => `--kz-${k}:${v};`)
    .join('');

/**
 * Theme tokens for elements matching `scope` (each draws its own colours, so the host page's
 * don't matter): light by default; dark when the shadow host or any ancestor in a normal page has
 * `data-theme="dark"`, or when the system prefers dark and nothing says `data-theme="light"`.
 */
export function themeCss(scope: string): string {
  return [
    `${scope}{${decls(LIGHT)}}`,
    `:host([data-theme="dark"]) ${scope},[data-theme="dark"] ${scope}{${decls(DARK)}}`,
    `@media (prefers-color-scheme: dark){:host(:not([data-theme="light"])) ${scope},:root:not([data-theme="light"]) ${scope}{${decls(DARK)}}}`,
  ].join('\n');
}

const FAMILIES = [
  'svip',
  'vip',
  'senior',
  'regular',
  'green',
  'teal',
  'indigo',
  'amber',
  'orange',
  'red',
  'slate',
  'tag',
  'uncertain',
];

/** The CSS the badge row needs (own fonts, colours and focus rings; nothing from the host). */
export const BADGE_CSS = [
  themeCss('.kz-badges'),
  `.kz-badges{all:initial;display:inline-flex;flex-wrap:wrap;gap:4px;align-items:center;max-width:100%;font:12px/1.4 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:var(--kz-fg);unicode-bidi:isolate;direction:ltr;text-align:start}`,
  // Compact rows still wrap: order-list buyer cells are often ~90px wide, and a chip cut to one
  // character says nothing.
  `.kz-badges.kz-compact{flex-wrap:wrap;white-space:nowrap}`,
  `.kz-chip-wrap{position:relative;display:inline-flex;flex:none;max-width:100%}`,
  `.kz-chip{display:inline-block;box-sizing:border-box;max-width:12em;padding:0 6px;border:1px solid transparent;border-radius:9px;line-height:16px;font-size:12px;font-weight:500;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:default;outline:none;unicode-bidi:isolate}`,
  `.kz-compact .kz-chip{max-width:9em;padding:0 5px;line-height:15px}`,
  `.kz-chip:focus-visible{outline:2px solid var(--kz-focus);outline-offset:1px}`,
  `.kz-chip-text{unicode-bidi:isolate}`,
  ...FAMILIES.map(
    (f) =>
      `.kz-c-${f}{background:var(--kz-${f}-bg);color:var(--kz-${f}-fg);border-color:var(--kz-${f}-bd)}`,
  ),
  `.kz-c-uncertain{border-style:dashed}`,
  `.kz-tier-svip{font-weight:700}`,
  `.kz-tip{position:absolute;z-index:2147483647;top:calc(100% + 4px);left:0;box-sizing:border-box;width:max-content;max-width:320px;padding:6px 8px;border-radius:6px;background:var(--kz-tip-bg);color:var(--kz-tip-fg);box-shadow:var(--kz-shadow);font-size:12px;line-height:1.5;font-weight:400;white-space:normal;overflow-wrap:anywhere;unicode-bidi:isolate;text-align:start}`,
  `.kz-tip[hidden]{display:none}`,
  `.kz-tip-line{display:block}`,
  `.kz-tip-line+.kz-tip-line{margin-top:2px}`,
  `@media (prefers-reduced-motion: no-preference){.kz-chip{transition:box-shadow .1s}}`,
].join('\n');
