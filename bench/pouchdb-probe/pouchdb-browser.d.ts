/** The little of pouchdb-browser's API the probe uses (the package ships no types). */
declare module 'pouchdb-browser' {
  export default class PouchDB {
    constructor(name: string);
    info(): Promise<{ doc_count: number }>;
    replicate: {
      from(
        source: string,
        opts?: { batch_size?: number },
      ): Promise<{ ok: boolean; docs_written: number }>;
    };
  }
}
