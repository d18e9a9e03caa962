/** Member tiers: by rank share of spending, or by fixed spend / purchase-count thresholds. */
import type { Settings } from '@/lib/settings';
import { FieldError, NumberField, SelectField } from '../fields';
import { Section, type SectionProps } from './section';

const TIER_KEYS = ['svip', 'vip', 'senior'] as const;

export function TierSection(props: SectionProps) {
  const { t, draft, bind } = props;
  const { shares } = draft.tier;
  const sharesSum = shares.svip + shares.vip + shares.senior;
  return (
    <Section legend={t('secTier')}>
      <SelectField
        label={t('tierMode')}
        options={[
          { value: 'rank', label: t('tierRank') },
          { value: 'threshold', label: t('tierThreshold') },
        ]}
        {...bind<Settings['tier']['mode']>('tier.mode')}
      />
      {draft.tier.mode === 'rank' ? (
        <div class="row">
          {TIER_KEYS.map((k) => (
            <NumberField
              key={k}
              label={`${t(k)} ${t('sharePct')}`}
              {...bind<number>(`tier.shares.${k}`)}
            />
          ))}
          <p class="hint">
            {Number.isFinite(sharesSum) && sharesSum <= 100
              ? t('regularRest', { n: 100 - sharesSum })
              : ''}
          </p>
          <FieldError path="tier.shares" errors={props.errors.get('tier.shares')} />
        </div>
      ) : (
        TIER_KEYS.map((k) => (
          <div class="row" key={k}>
            <strong>{t(k)}</strong>
            <NumberField
              label={t('spendYuan')}
              {...bind<number>(`tier.thresholds.${k}.spendYuan`)}
            />
            <NumberField label={t('count')} {...bind<number>(`tier.thresholds.${k}.count`)} />
          </div>
        ))
      )}
    </Section>
  );
}
