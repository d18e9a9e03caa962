/** Folding the conflicting revisions CouchDB keeps into one document. */
import type { CouchClient, CouchDoc } from './couch';
import type { Codec, SyncEntry } from './docs';
import { mergeEntries } from './merge';

/**
 * CouchDB kept conflicting revisions (servers replicating with each other): fold them all,
 * in revision order, by the merge rules; write the result over the winner, delete the rest.
 */
export async function resolveConflicts(
  client: CouchClient,
  codec: Codec,
  doc: CouchDoc,
  bodies: CouchDoc[],
): Promise<{ entry: SyncEntry; rev: string } | undefined> {
  let merged: SyncEntry | undefined;
  for (const b of bodies.sort((x, y) => (x._rev! < y._rev! ? -1 : 1))) {
    if (b._deleted) continue;
    const e = await codec.decode(b);
    if ('error' in e) continue;
    merged = merged ? mergeEntries(merged, e) : e;
  }
  if (!merged) return undefined;
  const body = await codec.encode(doc._id, merged);
  const res = await client.bulkDocs([
    { _id: doc._id, _rev: doc._rev, ...body },
    ...(doc._conflicts ?? []).map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })),
  ]);
  const rev = res[0]?.ok ? res[0].rev : undefined;
  return rev ? { entry: merged, rev } : { entry: merged, rev: doc._rev! };
}
