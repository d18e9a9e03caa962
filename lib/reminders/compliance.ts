/**
 * Checks a message before it is sent against the rules platforms and Chinese law set for sellers
 * (platforms.md, "Rules worth respecting"): no cash for good reviews (好评返现), marketing SMS need
 * an opt-out, and a message must not carry a pasted phone number or street address (buyer data
 * stays on the seller's machine; a pasted one is almost always someone's personal data).
 */
import type { Channel } from '../schemas';
import type { ContactPurpose } from './plan';
import type { Lang } from '../i18n';

export type ComplianceCode =
  'cash-for-review' | 'sms-missing-opt-out' | 'contains-phone-number' | 'contains-address';

export interface ComplianceIssue {
  code: ComplianceCode;
  /** error: do not send as is; warning: worth a second look. */
  severity: 'error' | 'warning';
  message: Record<Lang, string>;
  /** The text that triggered the issue (absent for a missing opt-out). */
  match?: string;
  /** Where it starts in the checked text. */
  index?: number;
}

/**
 * Wording that offers something for a (good) review. Platform rules ban the offer itself, so any
 * rebate phrased around 好评/晒图/五星 counts, and so does bare 返现 (how such offers are written).
 */
const CASH_FOR_REVIEW: readonly RegExp[] = [
  /好评\s*(?:返|送|有礼|有奖|奖励|红包|领)/u,
  /返\s*现/u,
  /(?:五|5|５)\s*星\s*(?:好评|评价)/u,
  /晒\s*图\s*(?:返|送|有礼|有奖|奖励|红包|领)/u,
  /(?:追评|带图评价|评价截图)\s*(?:返|送|有礼|有奖|领)/u,
  /给\s*(?:个|我们|我|咱们)?\s*好评/u,
  /\bcash\s*-?\s*back\b[^.!?\n]{0,40}\b(?:reviews?|ratings?|feedback)\b/iu,
  /\b(?:reviews?|ratings?|feedback)\b[^.!?\n]{0,40}\b(?:cash\s*-?\s*back|refunds?|rebates?|rewards?|free\s+gifts?|coupons?|vouchers?)\b/iu,
  /\b(?:leave|give|write|post)\s+(?:us\s+)?(?:an?\s+)?(?:5|five)[-\s]?stars?\b/iu,
  /\b(?:5|five)[-\s]?star\s+(?:review|rating)s?\b/iu,
];

/** The opt-outs Chinese carriers and platforms accept, and the English one. */
const OPT_OUT: readonly RegExp[] = [
  /回\s*(?:复\s*)?T\s*退订/iu,
  /退订\s*(?:请)?\s*回\s*(?:复\s*)?T/iu,
  /拒收请回复\s*R/iu,
  /\breply\s+STOP\b/iu,
  /\b(?:text|send)\s+STOP\b/iu,
];

/**
 * An 11-digit mainland mobile, digits optionally grouped with single spaces or dashes
 * (138 1234 5678, 138-1234-5678), not part of a longer number such as an order id.
 */
const MOBILE = /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![\d])/u;

/** Address shapes: province + city, city + district/county, road + number, flat or building numbers. */
const ADDRESS: readonly RegExp[] = [
  /\p{Script=Han}{2,8}(?:省|自治区)\p{Script=Han}{2,8}(?:市|州|盟)/u,
  /\p{Script=Han}{2,8}市\p{Script=Han}{2,8}(?:区|县)/u,
  /\p{Script=Han}{1,12}(?:路|街|大道|巷|弄|胡同)\s*\d+\s*号/u,
  /\d+\s*(?:号楼|栋|幢|单元)\s*\d*\s*(?:室|号)?/u,
  /\d+\s*室/u,
  /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr)\b/u,
];

/** An issue, with where the text that triggered it stands (a missing opt-out has none). */
const issue = (
  code: ComplianceCode,
  severity: ComplianceIssue['severity'],
  hit: RegExpExecArray | null,
  message: Record<Lang, string>,
): ComplianceIssue => ({
  code,
  severity,
  message,
  ...(hit ? { match: hit[0], index: hit.index } : {}),
});

const firstMatch = (text: string, patterns: readonly RegExp[]): RegExpExecArray | null => {
  let best: RegExpExecArray | null = null;
  for (const p of patterns) {
    const m = p.exec(text);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
};

/** Care, recall and repurchase messages sell; a payment reminder is order service. */
export function isMarketing(purpose: ContactPurpose): boolean {
  return purpose === 'care' || purpose === 'recall' || purpose === 'repurchase';
}

/** Does the text carry an opt-out that carriers accept? */
export function hasOptOut(text: string): boolean {
  return OPT_OUT.some((p) => p.test(text));
}

/**
 * Every compliance problem in a message, errors first. Checks the text as given: run it on the
 * rendered message (a buyer's pasted value can bring a phone number in) and on the template.
 */
export function checkCompliance(
  text: string,
  ctx: { channel: Channel; purpose: ContactPurpose },
): ComplianceIssue[] {
  const issues: ComplianceIssue[] = [];
  const review = firstMatch(text, CASH_FOR_REVIEW);
  if (review)
    issues.push(
      issue('cash-for-review', 'error', review, {
        zh_CN: `“${review[0]}”涉及好评返现，违反平台规则，请删除`,
        en: `"${review[0]}" offers a reward for a review, which platform rules forbid; remove it`,
      }),
    );

  if (ctx.channel === 'sms' && isMarketing(ctx.purpose) && !hasOptOut(text))
    issues.push(
      issue('sms-missing-opt-out', 'error', null, {
        zh_CN: '营销短信须附退订方式，例如结尾加“回T退订”',
        en: 'A marketing SMS needs an opt-out, e.g. end with "Reply STOP to opt out"',
      }),
    );

  const phone = MOBILE.exec(text);
  if (phone)
    issues.push(
      issue('contains-phone-number', 'warning', phone, {
        zh_CN: `消息里有手机号“${phone[0]}”，请确认不是买家的个人信息`,
        en: `The message contains a phone number "${phone[0]}"; make sure it is not a buyer's personal data`,
      }),
    );

  const address = firstMatch(text, ADDRESS);
  if (address)
    issues.push(
      issue('contains-address', 'warning', address, {
        zh_CN: `消息里像是有地址“${address[0]}”，请确认不是买家的个人信息`,
        en: `The message seems to contain an address "${address[0]}"; make sure it is not a buyer's personal data`,
      }),
    );
  return issues;
}
