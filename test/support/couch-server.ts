/**
 * A CouchDB-protocol server for tests: pouchdb-server (npm devDependency) in memory on
 * 127.0.0.1 and a free port, started and stopped by the test itself. A TCP relay in front of it
 * can be cut and restored, which is what a desk sees when the server goes down and comes back
 * (the in-memory store itself survives, as a real server's disk would).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Admin-party request helper (the tests' own view of the server). */
  req(
    method: string,
    path: string,
    body?: unknown,
    auth?: string,
  ): Promise<{ status: number; json: unknown }>;
}

export async function startCouch(): Promise<TestServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kezhi-couch-'));
  const bin = join(process.cwd(), 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      '--in-memory',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--config',
      join(dir, 'config.json'),
      '-n',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const req: TestServer['req'] = async (method, path, body, auth) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(auth ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
  for (let i = 0; ; i++) {
    try {
      if ((await req('GET', '/')).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (i > 200) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    req,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A relay on its own port to `target`; `cut()` drops every connection and refuses new ones. */
export async function startRelay(targetPort: number): Promise<{
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1');
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const cut = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  };
  await listen();
  return { url: `http://127.0.0.1:${port}`, cut, restore: listen, stop: cut };
}
