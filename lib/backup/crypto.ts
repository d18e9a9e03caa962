/**
 * Optional passphrase encryption of a backup with Web Crypto: PBKDF2-SHA256 derives an AES-GCM
 * 256-bit key from the passphrase and a random salt; a random 96-bit IV per file. The envelope's
 * header (format, version, kdf) is bound to the ciphertext as additional data, so editing the
 * iteration count or anything else in it fails authentication like a wrong passphrase does.
 */
import { z } from '../zod';
import type { Message } from './format';

export const ENCRYPTED_FORMAT = 'kezhi-backup-encrypted';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (the floor we accept on reading is 210,000). */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_ITERATIONS = 210_000;
/** A crafted file must not make us spin for minutes. */
export const MAX_ITERATIONS = 10_000_000;

const B64 = z
  .string()
  .max(2 ** 31)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const EncryptedEnvelope = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  v: z.literal(1),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
  }),
  cipher: z.literal('AES-GCM-256').default('AES-GCM-256'),
  salt: B64,
  iv: B64,
  data: B64,
});
export type EncryptedEnvelope = z.infer<typeof EncryptedEnvelope>;

/** Does this parsed JSON claim to be an encrypted backup (valid or not)? */
export function isEncryptedEnvelope(raw: unknown): boolean {
  return (
    !!raw && typeof raw === 'object' && (raw as { format?: unknown }).format === ENCRYPTED_FORMAT
  );
}

/** Base64 without building one argument list per byte (large files). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const header = (e: Pick<EncryptedEnvelope, 'format' | 'v' | 'kdf'>) =>
  new TextEncoder().encode(
    JSON.stringify([e.format, e.v, e.kdf.name, e.kdf.hash, e.kdf.iterations]),
  );

/**
 * PBKDF2-SHA256 over the NFC-normalised passphrase: `bits` of key material. Backups and team sync
 * derive their keys here, so both read a passphrase the same way.
 */
export async function passphraseBits(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  bits: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      material,
      bits,
    ),
  );
}

/** A non-extractable AES-GCM-256 key from 32 raw bytes. */
export function aesGcmKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

const deriveKey = async (passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) =>
  aesGcmKey(await passphraseBits(passphrase, salt, iterations, 256));

/** Encrypts the backup bytes under the passphrase (which must not be empty). */
export async function encryptBackup(
  plain: Uint8Array<ArrayBuffer>,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<EncryptedEnvelope> {
  if (passphrase === '') throw new Error('empty passphrase');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = {
    format: ENCRYPTED_FORMAT,
    v: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations },
  } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header(head) },
    key,
    plain,
  );
  return {
    ...head,
    cipher: 'AES-GCM-256',
    salt: toBase64(salt),
    iv: toBase64(iv),
    data: toBase64(new Uint8Array(data)),
  };
}

export type DecryptResult =
  | { ok: true; plain: Uint8Array<ArrayBuffer> }
  | { ok: false; code: 'bad-envelope' | 'needs-passphrase' | 'wrong-passphrase'; message: Message };

/**
 * Decrypts an envelope. A wrong passphrase and a damaged ciphertext look the same to AES-GCM
 * (authentication fails); the message says both.
 */
export async function decryptBackup(raw: unknown, passphrase: string): Promise<DecryptResult> {
  const env = EncryptedEnvelope.safeParse(raw);
  if (!env.success)
    return {
      ok: false,
      code: 'bad-envelope',
      message: {
        zh_CN: '加密备份文件已损坏（文件头无效），无法解密',
        en: 'The encrypted backup is damaged (invalid header); it cannot be decrypted',
      },
    };
  if (passphrase === '')
    return {
      ok: false,
      code: 'needs-passphrase',
      message: {
        zh_CN: '这是加密备份，请输入导出时设置的密码',
        en: 'This backup is encrypted: enter the passphrase it was exported with',
      },
    };
  const e = env.data;
  const salt = fromBase64(e.salt);
  const iv = fromBase64(e.iv);
  if (salt.length < 16 || iv.length !== 12)
    return {
      ok: false,
      code: 'bad-envelope',
      message: {
        zh_CN: '加密备份文件已损坏（盐或 IV 长度不对），无法解密',
        en: 'The encrypted backup is damaged (salt or IV has the wrong length)',
      },
    };
  try {
    const key = await deriveKey(passphrase, salt, e.kdf.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: header(e) },
      key,
      fromBase64(e.data),
    );
    return { ok: true, plain: new Uint8Array(plain) };
  } catch {
    return {
      ok: false,
      code: 'wrong-passphrase',
      message: {
        zh_CN: '密码不正确，或加密备份文件已损坏：没有恢复任何内容',
        en: 'Wrong passphrase, or the encrypted backup is damaged: nothing was restored',
      },
    };
  }
}
