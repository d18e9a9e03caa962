/**
 * End-to-end sealing of team-sync documents. One team passphrase, PBKDF2-SHA256 over a salt kept
 * in the database's check document (as lib/backup/crypto.ts derives backup keys), gives two keys:
 * AES-GCM-256 for bodies and HMAC-SHA256 for document ids. The server holds ciphertext, sizes
 * and times; it cannot read a nick, nor tell which buyer a document is about.
 */
import {
  aesGcmKey,
  fromBase64,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  passphraseBits,
  toBase64,
} from '../backup/crypto';

export { PBKDF2_ITERATIONS } from '../backup/crypto';

export interface TeamKeys {
  seal: CryptoKey;
  mac: CryptoKey;
}

/** The text sealed into the check document: opening it proves the passphrase. */
export const CHECK_PLAIN = 'kezhi-sync-check-v1';

/** Derives the team keys. `minIterations` is lowered only by tests. */
export async function deriveTeamKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  minIterations = MIN_ITERATIONS,
): Promise<TeamKeys> {
  if (passphrase === '') throw new Error('empty passphrase');
  // A server that lowers the count in the check document would make the passphrase cheap to guess.
  if (iterations < minIterations || iterations > MAX_ITERATIONS)
    throw new Error(`PBKDF2 iteration count ${iterations} is out of bounds`);
  const bits = await passphraseBits(passphrase, salt, iterations, 512);
  const [seal, mac] = await Promise.all([
    aesGcmKey(bits.slice(0, 32)),
    crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]),
  ]);
  return { seal, mac };
}

const hex = (b: ArrayBuffer) =>
  [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

/** The server's id for one of our keys: a keyed hash, so equal keys meet and none can be read. */
export async function sealedId(keys: TeamKeys, docKey: string): Promise<string> {
  return `k${hex(await crypto.subtle.sign('HMAC', keys.mac, new TextEncoder().encode(docKey)))}`;
}

/** Plain SHA-256 hex (tombstones name a forgotten buyer by this, never by the key itself). */
export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export interface SealedBody {
  iv: string;
  c: string;
}

/**
 * Seals a JSON value. The document id is the additional data, so a server that swaps two bodies
 * between documents makes both fail to open instead of misleading a desk.
 */
export async function sealJson(keys: TeamKeys, id: string, value: unknown): Promise<SealedBody> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const c = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) },
    keys.seal,
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), c: toBase64(new Uint8Array(c)) };
}

/** Opens a sealed body; undefined when the key is wrong or the body was altered. */
export async function openJson(keys: TeamKeys, id: string, body: SealedBody): Promise<unknown> {
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(body.iv),
        additionalData: new TextEncoder().encode(id),
      },
      keys.seal,
      fromBase64(body.c),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return undefined;
  }
}

export { fromBase64, toBase64 };
