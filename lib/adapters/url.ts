/**
 * URL rules for the adapters: which backend host a platform file serves, and which of its paths.
 */

/** One host name, or the set of names a backend answers on. */
export type Hosts = string | ReadonlySet<string>;

/** A path rule: a prefix, a pattern, or a test of its own. */
export type PathRule = string | RegExp | ((path: string) => boolean);

/** The URL is on one of `hosts` and its path passes `path` (any path when there is no rule). */
export function onPage(url: URL, hosts: Hosts, path?: PathRule): boolean {
  const host = typeof hosts === 'string' ? url.hostname === hosts : hosts.has(url.hostname);
  if (!host || path === undefined) return host;
  if (typeof path === 'string') return url.pathname.startsWith(path);
  return path instanceof RegExp ? path.test(url.pathname) : path(url.pathname);
}

/** {@link onPage} over https only: a backend served over plain http is not the backend. */
export const onHttpsPage = (url: URL, hosts: Hosts, path?: PathRule): boolean =>
  url.protocol === 'https:' && onPage(url, hosts, path);
