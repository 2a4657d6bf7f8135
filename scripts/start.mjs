#!/usr/bin/env node
// npm start: installs and builds what is missing, then serves the examples on localhost, and starts the
// example host back end (examples/server: embedded PostgreSQL in examples/server/data, demo sign-in).
import { spawn } from 'node:child_process';
import { ensureBuilt } from './bootstrap.mjs';
import { serve } from './serve.mjs';

ensureBuilt();
const port = Number(process.env.PORT ?? 8080);
const server = await serve(port);
const { port: actual } = server.address();
console.log(`\nDémo servie sur http://localhost:${actual}/examples/portal/  (autres exemples : http://localhost:${actual}/examples/ ; Ctrl+C pour arrêter)`);

// The back end runs beside it; the static demo does not need it, so a failure there is only reported.
const apiPort = process.env.API_PORT ?? '8787';
const api = spawn(process.execPath, ['--import', 'tsx', 'examples/server/src/main.ts', '--port', apiPort], { stdio: 'inherit' });
api.on('exit', (code, signal) => {
  if (!stopping) console.error(`Le serveur d’exemple (examples/server) s’est arrêté (${signal ?? `code ${code}`}) ; la démo reste servie.`);
});
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    api.kill('SIGTERM');
    server.close();
    process.exit(0);
  });
}
