/** Which platform and shop a customer belongs to, as every popup list and the card show it. */
import type { JSX } from 'preact';
import type { Lang } from '@/lib/i18n';
import type { Platform } from '@/lib/schemas';
import { PLATFORM_LABELS } from './choices';

export function ShopLine(props: {
  lang: Lang;
  of: { platform: Platform; shopName: string };
  class?: string;
}): JSX.Element {
  return (
    <span class={props.class}>
      {PLATFORM_LABELS[props.of.platform][props.lang]} · <bdi>{props.of.shopName}</bdi>
    </span>
  );
}
