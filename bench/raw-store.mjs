// The floor the ingest figures are measured against: records put raw into a fresh IndexedDB
// with the extension's index layout. Installed into the extension page as `__kzRaw` (the page's
// evaluate bodies are serialised, so they cannot import it).

/** An expression that installs `globalThis.__kzRaw` in a page. */
export function rawStoreInstaller() {
  return `(() => { globalThis.__kzRaw = (${rawStore})(); return true; })()`;
}

function rawStore() {
  const req = (r) =>
    new Promise(
      (res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))),
    );
  /** Orders keyed and indexed as the orders table is. */
  const asStored = (o) => ({
    ...o,
    key: `${o.platform}:${o.shopId}:${o.orderId}`,
    customerKey: `${o.platform}:${o.shopId}:${o.buyerId}`,
  });
  /**
   * A scratch database with the orders table's indexes and, with `customers`, the customers
   * table's, its multiEntry search index included.
   */
  const open = (prefix, { customers = false } = {}) => {
    const name = `${prefix}-${Math.random().toString(36).slice(2)}`;
    const o = indexedDB.open(name, 1);
    o.onupgradeneeded = () => {
      const st = o.result.createObjectStore('orders', { keyPath: 'key' });
      st.createIndex('customerKey', 'customerKey');
      st.createIndex('platform+shopId+createdAt', ['platform', 'shopId', 'createdAt']);
      st.createIndex('status', 'status');
      if (!customers) return;
      const c = o.result.createObjectStore('customers', { keyPath: 'key' });
      c.createIndex('platform+shopId', ['platform', 'shopId']);
      c.createIndex('searchTerms', 'searchTerms', { multiEntry: true });
      c.createIndex('lastOrderAt', 'lastOrderAt');
    };
    return req(o);
  };
  /** Puts every record of each store in one readwrite transaction; resolves in ms. */
  const put = async (db, byStore) => {
    const t0 = performance.now();
    await new Promise((res, rej) => {
      const tx = db.transaction(Object.keys(byStore), 'readwrite');
      for (const [store, records] of Object.entries(byStore))
        for (const r of records) tx.objectStore(store).put(r);
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    return performance.now() - t0;
  };
  const drop = (db) => {
    const name = db.name;
    db.close();
    return new Promise((res) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = del.onblocked = res;
    });
  };
  return { req, asStored, open, put, drop };
}
