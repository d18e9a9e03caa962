/**
 * Backup and restore: a versioned JSON file of every table (or one shop), optional passphrase
 * encryption, and a restore that validates every record before it writes anything, reports what
 * it will change, and writes in one transaction.
 *
 *   const backup = await exportBackup(db, { now, shopKey? });
 *   const file = new Blob(await backupFileParts(backup, passphrase));
 *   const read = await readBackup(await file.text(), passphrase);     // validated or refused
 *   const summary = await previewRestore(db, read.backup, rules);       // counts, no writes
 *   await applyRestore(db, read.backup, rules);                         // background only
 */
export {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  CareDone,
  MAX_PROBLEMS,
  TABLE_SCHEMAS,
  backupFileName,
  parseBackup,
  primaryKeyOf,
  serializeBackup,
  shopOfRecord,
} from './format';
export type {
  Backup,
  BackupTableName,
  BackupTables,
  Message,
  ParseResult,
  RecordProblem,
} from './format';
export {
  ENCRYPTED_FORMAT,
  EncryptedEnvelope,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  PBKDF2_ITERATIONS,
  decryptBackup,
  encryptBackup,
  fromBase64,
  isEncryptedEnvelope,
  toBase64,
} from './crypto';
export type { DecryptResult } from './crypto';
export { backupFileParts, readBackup } from './read';
export type { ReadResult } from './read';
export { RestoreRefused, applyRestore, exportBackup, previewRestore, restoreBackup } from './store';
export type { BackupDb, BackupTable, RestoreRules, RestoreSummary, TableChange } from './store';
export { TEMPLATES_FORMAT, exportTemplateSet, parseTemplateSet } from './templates';
export type { TemplateSetResult } from './templates';
