/** Where settings live in `browser.storage.local` (zod-free, for the content script). */
export const SETTINGS_KEY = 'kezhi:settings';
