/**
 * From a backup file's text to a validated backup: JSON, then decryption when the file is an
 * encrypted envelope, then the full validation of parseBackup. Every failure is a sentence for
 * the seller; nothing here writes.
 */
import { decryptBackup, encryptBackup, isEncryptedEnvelope } from './crypto';
import {
  parseBackup,
  serializeBackup,
  type Backup,
  type Message,
  type RecordProblem,
} from './format';

export type ReadResult =
  | { ok: true; backup: Backup; encrypted: boolean }
  | {
      ok: false;
      code:
        | 'not-json'
        | 'not-a-backup'
        | 'unsupported-version'
        | 'invalid-records'
        | 'bad-envelope'
        | 'needs-passphrase'
        | 'wrong-passphrase';
      message: Message;
      problems: RecordProblem[];
      problemCount: number;
    };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const notJson: ReadResult = {
  ok: false,
  code: 'not-json',
  message: {
    zh_CN: '文件不是完整的 JSON（可能被截断或损坏），没有恢复任何内容',
    en: 'The file is not complete JSON (it may be cut off or damaged); nothing was restored',
  },
  problems: [],
  problemCount: 0,
};

/** Reads a backup file's text; `passphrase` is used only when the file is encrypted. */
export async function readBackup(text: string, passphrase = ''): Promise<ReadResult> {
  const outer = parseJson(text.replace(/^\uFEFF/, ''));
  if (!outer.ok) return notJson;
  let raw = outer.value;
  const encrypted = isEncryptedEnvelope(raw);
  if (encrypted) {
    const dec = await decryptBackup(raw, passphrase);
    if (!dec.ok) return { ...dec, problems: [], problemCount: 0 };
    const inner = parseJson(new TextDecoder('utf-8', { fatal: false }).decode(dec.plain));
    if (!inner.ok) return notJson;
    raw = inner.value;
  }
  const parsed = parseBackup(raw);
  if (!parsed.ok) return parsed;
  return { ok: true, backup: parsed.backup, encrypted };
}

/** The file's content for a backup: plain JSON parts, or one encrypted envelope. */
export async function backupFileParts(backup: Backup, passphrase = ''): Promise<string[]> {
  const parts = serializeBackup(backup);
  if (passphrase === '') return parts;
  const plain = new TextEncoder().encode(parts.join(''));
  return [JSON.stringify(await encryptBackup(plain, passphrase))];
}
