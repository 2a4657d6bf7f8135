/**
 * Server processes for the multi-process and kill -9 tests: `src/main.ts` spawned with `node --import tsx`
 * on a PostgreSQL URL, its base URL read from its first line, its output kept, a demo token per process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every line it printed on stdout so far. */
  lines: string[];
  /** A demo token of `user` (`employeur`, `of`, `of-mandat`, `agent`). */
  token(user: string): Promise<string>;
  /** SIGTERM (or `signal`) and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnServer(databaseUrl: string, dataDir: string, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--data', dataDir, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const m = /^Serveur AKTO \(exemple\) : (\S+)/.exec(line);
        if (m) resolve(self(m[1]!));
      }
    });
    child.once('exit', (code) => reject(new Error(`le serveur s’est arrêté (${code}) : ${err}`)));
  });
  function self(url: string): ServerProcess {
    return {
      child,
      url,
      lines,
      async token(user) {
        const r = await fetch(`${new URL(url).origin}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
        return ((await r.json()) as { access_token: string }).access_token;
      },
      async stop(signal = 'SIGTERM') {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      },
    };
  }
}

/** A JSON call with a bearer token; a connection cut (killed server) is `status: 0`. */
export async function call<T = any>(base: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as T) : (undefined as T) };
  } catch {
    return { status: 0, body: undefined as T };
  }
}
