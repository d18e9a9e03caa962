/**
 * Joining the team database: the connection settings, and the check document that holds the
 * team's key-derivation salt and a sealed known text. The first desk writes it; every other desk
 * opens it, and one whose passphrase cannot is told so and writes nothing.
 */
import { z } from '../zod';
import type { Message } from '../backup/format';
import { CouchError, isLocalUrl, type CouchClient } from './couch';
import {
  CHECK_PLAIN,
  deriveTeamKeys,
  fromBase64,
  openJson,
  PBKDF2_ITERATIONS,
  sealJson,
  toBase64,
} from './crypto';
import { CHECK_ID, plainCodec, sealedCodec, type Codec } from './docs';

/** storage.local key of the connection settings (credentials stay on this machine). */
export const SYNC_CONFIG_KEY = 'kezhiSync';
/** storage.local key of the sync state the popup and options show. */
export const SYNC_STATUS_KEY = 'kezhiSyncStatus';

export const SyncConfig = z.object({
  enabled: z.boolean().default(false),
  url: z.string().max(500).default(''),
  db: z
    .string()
    .max(200)
    .regex(/^[a-z][a-z0-9_$()+/-]*$/, 'database names are lower-case letters, digits and _$()+-/')
    .or(z.literal(''))
    .default(''),
  user: z.string().max(200).default(''),
  password: z.string().max(500).default(''),
  /** Team passphrase: the same on every desk. */
  passphrase: z.string().max(500).default(''),
  /** Sealed documents; only a server on this machine may go without. */
  encrypt: z.boolean().default(true),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

export const parseSyncConfig = (raw: unknown): SyncConfig => {
  const r = SyncConfig.safeParse(raw ?? {});
  return r.success ? r.data : SyncConfig.parse({});
};

/** Encryption is on unless the team turned it off for a server on this machine. */
export const encrypts = (c: SyncConfig): boolean => c.encrypt || !isLocalUrl(c.url);

export type SyncStatus = {
  state: 'off' | 'connecting' | 'syncing' | 'ok' | 'offline' | 'error';
  lastSyncAt?: number;
  pending: number;
  /** Changes read so far in the current pull, for progress. */
  pulled?: number;
  /** About how many there are to read in all (when the server says, or on a first pull). */
  total?: number;
  error?: Message;
  errorCode?: string;
};

export class TeamError extends Error {
  constructor(
    readonly code: 'wrong-passphrase' | 'mode-mismatch' | 'needs-passphrase' | 'bad-check',
    readonly text: Message,
  ) {
    super(text.en);
  }
}

const WRONG: Message = {
  zh_CN: '团队口令不对：这台电脑不会读写任何团队数据，请向店长确认口令',
  en: 'Wrong team passphrase: this desk reads and writes nothing until it is corrected',
};

/**
 * Opens (or, for the first desk, creates) the team database's check document and returns the
 * codec every document goes through. `iterations`/`minIterations` are lowered only by tests.
 */
export async function joinTeam(
  client: CouchClient,
  config: Pick<SyncConfig, 'passphrase' | 'encrypt' | 'url'>,
  opts: { iterations?: number; minIterations?: number } = {},
): Promise<Codec> {
  const sealed = encrypts(config as SyncConfig);
  if (sealed && config.passphrase === '')
    throw new TeamError('needs-passphrase', {
      zh_CN: '请填写团队口令（每台电脑相同）',
      en: 'Enter the team passphrase (the same on every desk)',
    });
  let check = await client.get(CHECK_ID);
  if (!check) {
    const iterations = opts.iterations ?? PBKDF2_ITERATIONS;
    const salt = crypto.getRandomValues(new Uint8Array(16));
    let body: Record<string, unknown> = { kz: 1, mode: 'plain' };
    if (sealed) {
      const keys = await deriveTeamKeys(config.passphrase, salt, iterations, opts.minIterations);
      body = {
        kz: 2,
        mode: 'sealed',
        salt: toBase64(salt),
        iterations,
        ...(await sealJson(keys, CHECK_ID, CHECK_PLAIN)),
      };
    }
    try {
      await client.put({ _id: CHECK_ID, ...body });
    } catch (e) {
      if (!(e instanceof CouchError && e.status === 409)) throw e;
    }
    check = await client.get(CHECK_ID);
    if (!check) throw new CouchError('server', undefined, 'check document vanished');
  }
  if (check.mode === 'plain') {
    if (sealed)
      throw new TeamError('mode-mismatch', {
        zh_CN: '团队数据库是未加密的，而这台电脑要求加密：请统一设置',
        en: 'The team database is unencrypted but this desk requires encryption: agree on one setting',
      });
    return plainCodec;
  }
  if (
    check.mode !== 'sealed' ||
    typeof check.salt !== 'string' ||
    typeof check.iterations !== 'number'
  )
    throw new TeamError('bad-check', {
      zh_CN: '团队数据库的校验文档已损坏',
      en: 'The team database check document is damaged',
    });
  if (!sealed)
    throw new TeamError('mode-mismatch', {
      zh_CN: '团队数据库是加密的：请打开加密并填写团队口令',
      en: 'The team database is encrypted: turn encryption on and enter the team passphrase',
    });
  const keys = await deriveTeamKeys(
    config.passphrase,
    fromBase64(check.salt),
    check.iterations,
    opts.minIterations,
  ).catch(() => undefined);
  const plain =
    keys && typeof check.iv === 'string' && typeof check.c === 'string'
      ? await openJson(keys, CHECK_ID, { iv: check.iv, c: check.c })
      : undefined;
  if (!keys || plain !== CHECK_PLAIN) throw new TeamError('wrong-passphrase', WRONG);
  return sealedCodec(keys);
}
