#!/usr/bin/env node
// npm start: installs and builds what is missing, then serves the examples on localhost.
import { ensureBuilt } from './bootstrap.mjs';
import { serve } from './serve.mjs';

ensureBuilt();
const port = Number(process.env.PORT ?? 8080);
const server = await serve(port);
const { port: actual } = server.address();
console.log(`\nDémo servie sur http://localhost:${actual}/examples/portal/  (autres exemples : http://localhost:${actual}/examples/ ; Ctrl+C pour arrêter)`);
