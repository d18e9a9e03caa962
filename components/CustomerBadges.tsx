/**
 * The badge row: who this buyer is, in chips (tier, new/returning, lifecycle, RFM segment,
 * blacklist, tags). Every chip is focusable and explains itself in a hover/focus card with the
 * numbers and the rule that produced it. Presentational: props in, JSX out.
 * The chips (badge-chips.ts), their cards (chip-tips.ts) and the CSS (badge-css.ts) live in plain
 * modules the order-page overlay uses without this component.
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { chipHeads, bounded, type ChipHead, type CustomerBadgesProps } from './badge-chips';
import { chipTip } from './chip-tips';
import { t } from '@/lib/i18n/overlay';

export {
  bounded,
  COMPACT_TAGS,
  SEGMENT_TONE,
  STAGE_TONE,
  TITLE_MAX,
  type CustomerBadgesProps,
} from './badge-chips';
export { BADGE_CSS, themeCss } from './badge-css';

interface ChipSpec extends ChipHead {
  /** Tooltip lines. */
  tip: string[];
}

/** The chips for a buyer, in display order, with their cards. Exported for the popup and tests. */
export function badgeChips(props: CustomerBadgesProps): ChipSpec[] {
  return chipHeads(props).map((h) => ({ ...h, tip: chipTip(props, h.key) }));
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
