/** The card's profile: lifecycle, kind, tier, RFM and segment with the rules behind them, then figures. */
import type { JSX } from 'preact';
import { explain, LABELS, type CustomerView } from '@/lib/customers';
import type { Lang } from '@/lib/i18n';
import { t as pt } from '@/lib/i18n/popup';
import { formatMoney } from '@/lib/reminders';

function Fact(props: { label: string; value: string; why?: string }): JSX.Element {
  return (
    <div class="kp-fact">
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {props.why && <div class="kp-why">{props.why}</div>}
      </dd>
    </div>
  );
}

export function CardProfile(props: { lang: Lang; view: CustomerView }): JSX.Element {
  const { lang, view } = props;
  const ex = view.explanations;
  const none = pt(lang, 'card.none');
  const money = (fen: number) => formatMoney(fen, lang);
  return (
    <section class="kp-section" aria-label={pt(lang, 'card.profile')}>
      <dl class="kp-facts">
        <Fact
          label={pt(lang, 'card.lifecycle')}
          value={`${LABELS.stage[view.stage][lang]} · ${LABELS.group[view.group][lang]}`}
          why={explain(ex.stage, lang)}
        />
        <Fact
          label={pt(lang, 'card.kind')}
          value={LABELS.kind[view.kind][lang]}
          why={explain(ex.kind, lang)}
        />
        <Fact
          label={pt(lang, 'card.tier')}
          value={LABELS.tier[view.tier][lang]}
          why={explain(ex.tier, lang)}
        />
        <Fact
          label={pt(lang, 'card.rfm')}
          value={`R${view.rfm.r} F${view.rfm.f} M${view.rfm.m}`}
          why={explain(ex.rfm, lang)}
        />
        <Fact
          label={pt(lang, 'card.segment')}
          value={LABELS.segment[view.segment][lang]}
          why={explain(ex.segment, lang)}
        />
        <Fact label={pt(lang, 'card.rhythm')} value={LABELS.rhythm[view.rhythm][lang]} />
        <Fact
          label={pt(lang, 'card.purchases')}
          value={pt(lang, 'card.purchasesValue', { n: view.purchaseCount })}
        />
        <Fact
          label={pt(lang, 'card.recency')}
          value={
            view.recencyDays === null
              ? none
              : pt(lang, 'card.recencyValue', { n: view.recencyDays })
          }
        />
        <Fact
          label={pt(lang, 'card.aov')}
          value={view.purchaseCount > 0 ? money(view.avgOrderValue) : none}
        />
        <Fact label={pt(lang, 'card.total')} value={money(view.totalSpent)} />
      </dl>
    </section>
  );
}
