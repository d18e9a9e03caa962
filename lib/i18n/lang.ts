/** The languages the extension speaks; the seller picks one in the options (`settings.language`). */
export const LANGS = ['zh_CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** A text in every language. */
export type Label = Readonly<Record<Lang, string>>;
