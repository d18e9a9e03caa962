import type { Lang } from './lang';

export type Vars = Readonly<Record<string, string | number>>;

/**
 * `{name}` placeholders filled from `vars` in one pass: an inserted value containing `{x}` is not
 * expanded again, and a placeholder without a value stays as written so a gap is visible.
 */
export function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

/**
 * The one translator every surface uses: `t(lang, key, vars)` over that surface's tables. Each
 * surface keeps its own module so a page bundles only its own words.
 */
export function translator<K extends string>(
  tables: Readonly<Record<Lang, Readonly<Record<K, string>>>>,
) {
  return (lang: Lang, key: K, vars?: Vars): string => fill(tables[lang][key], vars);
}

/** `t` with the language fixed, for components that pass a translator down. */
export function bound<K extends string>(
  t: (lang: Lang, key: K, vars?: Vars) => string,
  lang: Lang,
): (key: K, vars?: Vars) => string {
  return (key, vars) => t(lang, key, vars);
}
