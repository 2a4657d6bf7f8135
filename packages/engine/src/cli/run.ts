/** Runs the CLI from source (`tsx packages/engine/src/cli/run.ts …`), as the build does before tsc. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
