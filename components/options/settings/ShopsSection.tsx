/** Per shop: the name the seller calls it and whether the overlay shows on its pages. */
import { shopDisplayName } from '@/lib/shops';
import type { Shop } from '@/lib/schemas';
import { CheckField, TextField } from '../fields';
import { Section, type SectionProps } from './section';

export function ShopsSection(props: SectionProps & { shops: readonly Shop[] }) {
  const { t, draft } = props;
  const shopKeys = [
    ...new Set([...props.shops.map((s) => s.key), ...Object.keys(draft.shops)]),
  ].sort();
  return (
    <Section legend={t('secShops')}>
      {shopKeys.length === 0 ? <p class="hint">{t('noShops')}</p> : null}
      {shopKeys.map((key) => {
        const shop = props.shops.find((s) => s.key === key);
        const own = draft.shops[key] ?? { name: '', overlayEnabled: true };
        // Edited by key, not by dotted path: a shop key may hold a dot (a WooCommerce host).
        const set = (patch: Partial<typeof own>) =>
          props.edit((d) => ({ ...d, shops: { ...d.shops, [key]: { ...own, ...patch } } }));
        return (
          <div class="row shop" key={key} data-testid={`shop-${key}`}>
            <code title={key}>{shopLabel(key)}</code>
            <TextField
              path={`shops.${key}.name`}
              label={t('shopName')}
              value={own.name}
              placeholder={shop?.name ?? ''}
              errors={props.errors.get(`shops.${key}.name`)}
              onChange={(name) => set({ name })}
            />
            <CheckField
              path={`shops.${key}.overlayEnabled`}
              label={t('overlayOn')}
              value={own.overlayEnabled}
              onChange={(overlayEnabled) => set({ overlayEnabled })}
            />
          </div>
        );
      })}
    </Section>
  );
}

/** `taobao:~0i3m…` -> `taobao · 客知测试店`: the platform and the shop as the seller knows it. */
function shopLabel(key: string): string {
  const [platform, ...rest] = key.split(':');
  return `${platform ?? ''} · ${shopDisplayName(rest.join(':'))}`;
}
