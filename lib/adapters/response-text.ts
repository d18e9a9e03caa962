/**
 * Response bodies as text. Taobao answers asyncSold.htm in GBK/GB18030 even when UTF-8 was asked
 * for (platforms.md, "Quirks"), and order-report CSVs are GBK: decoding them as UTF-8 turns every
 * nick and title into U+FFFD.
 */

/** Labels the WHATWG Encoding standard maps to its gb18030 or gbk decoders. */
const GB_CHARSET = /^(?:gbk|gb2312|gb18030|gb_2312-80|chinese|csgb2312|csiso58gb231280|x-gbk)$/i;

/** The charset parameter of a Content-Type header, lower-cased, or undefined. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

/**
 * Bytes -> text. A GB charset in `contentType` is honoured; otherwise UTF-8 is tried strictly
 * (a declared `utf-8` is not trusted, because Taobao declares it and sends GBK) and any invalid
 * sequence falls back to gb18030, a superset of GBK and GB2312. A UTF-8 byte-order mark is dropped.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  const charset = charsetOf(contentType);
  if (charset && GB_CHARSET.test(charset)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
