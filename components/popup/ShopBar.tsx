/**
 * The popup's top bar: shop switcher (one shop or all), alerts for shops whose order pages are no
 * longer recognised, each shop's adapter health, and links to Settings and the dashboard.
 * Presentational: props in, JSX out.
 */
import type { JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import type { Recognition } from '@/lib/identity';
import type { PageHealth, Platform } from '@/lib/schemas';
import { formatDateTime } from './format';
import { t } from '@/lib/i18n/popup';
import { PLATFORM_LABELS } from '@/components/popup/choices';

/** A shop as the bar shows it (name already resolved from settings). */
export interface ShopRowData {
  key: string;
  platform: Platform;
  name: string;
  lastSeenAt: number;
  pagesRecognised: number;
  health?: PageHealth;
  /** Whether this shop's pages recognise returning buyers, and why (lib/identity). */
  recognition?: Recognition;
}

/** The shop status sentence on returning buyers: "yes", "not yet known: …", "no: …". */
export function recognitionText(lang: Lang, r: Recognition): string {
  const vars = {
    n: r.repeatOrders,
    days: r.days,
    orders: r.orders,
    share: Math.round((r.repeatShare ?? 0) * 100),
  };
  const key = r.reason === 'recurs' ? 'ident.recurs' : (`ident.${r.reason}` as const);
  return `${t(lang, 'ident.label')}：${t(lang, key, vars)}`;
}

/** Value of the switcher meaning "every shop". */
export const ALL_SHOPS = 'all';

/** Props of {@link ShopBar}. */
export interface ShopBarProps {
  lang: Lang;
  shops: readonly ShopRowData[];
  /** A shop key or {@link ALL_SHOPS}. */
  selected: string;
  onSelect: (shopKey: string) => void;
  onOptions: () => void;
  onDashboard: () => void;
  onWelcome?: () => void;
}

const broken = (s: ShopRowData) => s.health !== undefined && !s.health.ok;

/** The bar. */
export function ShopBar(props: ShopBarProps): JSX.Element {
  const { lang, shops } = props;
  const label = (s: ShopRowData) => `${PLATFORM_LABELS[s.platform][lang]} · ${s.name}`;
  return (
    <div class="kp-bar">
      <div class="kp-bar-row">
        <label class="kp-shop-select">
          <span class="kp-sr">{t(lang, 'shop.label')}</span>
          <select value={props.selected} onChange={(e) => props.onSelect(e.currentTarget.value)}>
            <option value={ALL_SHOPS}>{t(lang, 'shop.all')}</option>
            {shops.map((s) => (
              <option key={s.key} value={s.key}>
                {label(s)}
              </option>
            ))}
          </select>
        </label>
        <span class="kp-links">
          <button type="button" class="kp-linkbtn" onClick={props.onDashboard}>
            {t(lang, 'link.dashboard')}
          </button>
          <button type="button" class="kp-linkbtn" onClick={props.onOptions}>
            {t(lang, 'link.options')}
          </button>
          {props.onWelcome && (
            <button type="button" class="kp-linkbtn" onClick={props.onWelcome}>
              {t(lang, 'link.welcome')}
            </button>
          )}
        </span>
      </div>
      {shops.filter(broken).map((s) => (
        <p key={s.key} class="kp-alert" role="alert">
          <strong>{t(lang, 'shop.broken')}</strong>{' '}
          {t(lang, 'shop.brokenHint', {
            shop: label(s),
            problem: s.health?.problem ?? s.health?.adapter ?? '',
          })}
        </p>
      ))}
      {shops
        .filter((s) => props.selected === ALL_SHOPS || s.key === props.selected)
        .filter((s) => s.recognition && s.recognition.verdict !== 'yes')
        .map((s) => (
          <p key={s.key} class={`kp-ident kp-ident-${s.recognition!.verdict}`} data-kz-ident>
            {recognitionText(lang, s.recognition!)}
            <br />
            <span class="kp-muted">{t(lang, 'ident.uncertainNote')}</span>
          </p>
        ))}
      <details class="kp-health">
        <summary>{t(lang, 'shop.health')}</summary>
        {shops.length === 0 ? (
          <p class="kp-muted">{t(lang, 'shop.none')}</p>
        ) : (
          <ul>
            {shops.map((s) => (
              <li key={s.key} class={broken(s) ? 'kp-bad' : undefined}>
                <bdi>{label(s)}</bdi>
                <div class="kp-muted">
                  {s.lastSeenAt > 0
                    ? t(lang, 'shop.lastSeen', { date: formatDateTime(s.lastSeenAt) })
                    : t(lang, 'shop.never')}
                  {' · '}
                  {t(lang, 'shop.pages', { n: s.pagesRecognised })}
                  {' · '}
                  {s.health === undefined
                    ? t(lang, 'shop.never')
                    : s.health.ok
                      ? t(lang, 'shop.ok')
                      : `${t(lang, 'shop.broken')}：${s.health.problem ?? ''}`}
                </div>
                {s.health?.coverage && (
                  <div class="kp-muted kp-coverage">
                    {t(lang, 'shop.coverage', { text: s.health.coverage })}
                  </div>
                )}
                {s.recognition && (
                  <div class={`kp-ident-line kp-ident-${s.recognition.verdict}`}>
                    {recognitionText(lang, s.recognition)}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
