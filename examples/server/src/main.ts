/**
 * Starts the example host back end:
 *   node --import tsx examples/server/src/main.ts --port 8787 --data examples/server/data
 *   DATABASE_URL=postgres://… node --import tsx examples/server/src/main.ts --workers 4
 * `--workers N`: N processes (node:cluster) on one port and one PostgreSQL server; a worker that dies is
 * replaced. Each runs the job worker and the outbox sender; the database shares the work between them.
 * The database is embedded PostgreSQL (PGlite) in `<data>/pgdata`, or the server DATABASE_URL names.
 * Identity: the issuer AKTO_AUTH_* configure (README), else the demo sign-in at /auth/ (key in `<data>`).
 */
import cluster from 'node:cluster';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { authConfigFromEnv } from './auth.js';
import { redact } from './db.js';
import { demoIssuer } from './demo-auth.js';
import { startServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    data: { type: 'string', default: fileURLToPath(new URL('../data', import.meta.url)) },
    workers: { type: 'string', default: '1' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Port invalide : ${values.port}`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
  console.error(`Nombre de processus invalide : ${values.workers} (--workers 1 à 64).`);
  process.exit(2);
}
if (workers > 1 && !databaseUrl) {
  console.error('--workers demande un serveur PostgreSQL (DATABASE_URL=postgres://…) : la base embarquée (PGlite) ne s’ouvre que dans un seul processus.');
  process.exit(2);
}
if (workers > 1 && cluster.isPrimary) {
  // The primary only forks: the workers share the port (node:cluster) and the database.
  // The demo sign-in key is made once, here, so that every worker signs and checks with the same one.
  if (!process.env.AKTO_AUTH_ISSUER) await demoIssuer(values.data);
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`Processus ${worker.process.pid} arrêté (${signal ?? code}) : remplacé.`);
    if (code !== 1) fork(); // a start-up failure (1) is not retried forever
    else if (!Object.keys(cluster.workers ?? {}).length) process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length || process.exit(0));
    });
  }
} else {
  await serve();
}

async function serve(): Promise<void> {
  const dataDir = join(values.data!, 'pgdata');
  const where = databaseUrl ? redact(databaseUrl) : dataDir;
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    const auth = authConfigFromEnv();
    running = await startServer({
      auth,
      demoKeyDir: values.data,
      dispositifsDir: process.env.AKTO_DISPOSITIFS_DIR || undefined,
      databaseUrl,
      dataDir,
      port,
      log: (line) => console.error(line),
      // A real host sends the e-mail here; each outbox row is delivered by one process only.
      deliver: (n, seq) => console.log(`notification n° ${seq} → ${n.to}${n.address ? ` <${n.address}>` : ''} : ${n.text}`),
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    console.error(code === 'EADDRINUSE' ? `Le port ${port} est déjà utilisé : choisissez-en un autre (--port).` : `Démarrage impossible (base ${where}) : ${(e as Error).message}`);
    process.exit(1);
  }
  console.log(`Serveur AKTO (exemple) : ${running.url} — base ${where}${cluster.isWorker ? ` — processus ${process.pid}` : ''}`);
  for (const d of running.dispositifs) console.log(`Dispositif ajouté : ${d.id} ${d.version} (${d.label})`);
  for (const r of running.revalidations) console.log(`Dispositif ${r.dispositif} modifié (${r.version}) : ${r.total} dossier(s) à revérifier, traitement n° ${r.job}.`);
  if (running.demo) console.log(`Connexion de démonstration : ${new URL(running.url).origin}/auth/`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void running.close().then(() => process.exit(0));
    });
  }
}
