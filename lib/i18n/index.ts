// Only the shared pieces: each surface's words are imported from their own module
// (`@/lib/i18n/overlay`, `/assistant`, `/notice`, `/popup`, `/options`, `/dashboard`, `/welcome`, `/sync`,
// `/importer`) so a page bundles only its own.
export { LANGS, type Lang, type Label } from './lang';
export { bound, fill, translator, type Vars } from './translate';
