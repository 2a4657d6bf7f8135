/**
 * Starts the example host back end:
 *   node --import tsx examples/server/src/main.ts --port 8787 --data examples/server/data
 * The database is embedded PostgreSQL (PGlite) in `<data>/pgdata`, or the server DATABASE_URL names.
 * Identity: the issuer AKTO_AUTH_* configure (README), else the demo sign-in at /auth/ (key in `<data>`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { authConfigFromEnv } from './auth.js';
import { redact } from './db.js';
import { startServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    data: { type: 'string', default: fileURLToPath(new URL('../data', import.meta.url)) },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Port invalide : ${values.port}`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL || undefined;
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
    onNotification: (n) => console.log(`notification → ${n.to}${n.address ? ` <${n.address}>` : ''} : ${n.text}`),
  });
} catch (e) {
  const code = (e as { code?: string }).code;
  console.error(code === 'EADDRINUSE' ? `Le port ${port} est déjà utilisé : choisissez-en un autre (--port).` : `Démarrage impossible (base ${where}) : ${(e as Error).message}`);
  process.exit(1);
}
console.log(`Serveur AKTO (exemple) : ${running.url} — base ${where}`);
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
