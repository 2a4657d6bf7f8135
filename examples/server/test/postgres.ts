/**
 * A throw-away PostgreSQL cluster for the tests: `initdb` in a temporary folder, `pg_ctl start` on a free
 * port of 127.0.0.1 (trust authentication, fsync off), removed at the end. `initdb` refuses to run as
 * root: as root, the cluster belongs to the `postgres` user (created by Debian's `postgresql` package)
 * and every command runs through `runuser -u postgres`.
 * With DATABASE_URL set, that server is used instead (its user must be allowed to create databases).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import pg from 'pg';

export interface Cluster {
  /** A new empty database, its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are: Debian's /usr/lib/postgresql/<version>/bin (newest first), else the PATH. */
function binDir(): string | undefined {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? join(found, '..') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts a cluster, or says why none can be started. */
export async function startCluster(): Promise<Cluster | { unavailable: string }> {
  if (process.env.DATABASE_URL) return onServer(process.env.DATABASE_URL, async () => {});
  const bin = binDir();
  if (!bin) return { unavailable: 'PostgreSQL absent : initdb et pg_ctl introuvables (paquet Debian « postgresql », /usr/lib/postgresql/*/bin).' };
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim() || NaN);
    owner = { uid: id('-u'), gid: id('-g') };
    if (!Number.isInteger(owner.uid)) return { unavailable: 'Tests lancés en root sans utilisateur « postgres » : initdb refuse root (installez le paquet postgresql, qui le crée).' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'akto-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] as const : [join(bin, tool), args] as const;
    const r = spawnSync(command[0], command[1], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${tool} a échoué (${r.status}) : ${r.stderr || r.stdout || r.error?.message}`);
  };
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`, 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', () => stop()); // a run that ends early leaves no server behind
  return onServer(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => stop());
}

function onServer(adminUrl: string, stop: () => Promise<void>): Cluster {
  const admin = new pg.Pool({ connectionString: adminUrl, max: 1 });
  const created: string[] = [];
  let n = 0;
  return {
    async createDatabase() {
      const name = `akto_test_${process.pid}_${++n}`;
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (process.env.DATABASE_URL) for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
      await stop();
    },
  };
}

/**
 * Inside a describe block: true when PostgreSQL is there; otherwise one test that fails in CI (`.ci/run`
 * installs it) or is skipped with the reason elsewhere, and false.
 */
export function hasPostgres(cluster: Cluster | { unavailable: string }): cluster is Cluster {
  if (!('unavailable' in cluster)) return true;
  const reason = cluster.unavailable;
  if (process.env.CI === 'true' || process.env.CI === '1') it('needs PostgreSQL in CI', () => assert.fail(`${reason} .ci/run l’installe avec apt-get.`));
  else it(`skipped: ${reason}`, { skip: reason }, () => {});
  return false;
}
