// One worker thread of the re-validation pool (revalidation.ts): receives dossier records, answers one
// result each (engine.validate, phase transmission; a draft saved under an older definition version is
// checked as it will open, migrated). Plain JavaScript on the built engine, started without the TypeScript
// loader: tsx transforms every module it sees, the precompiled validators included, which slows them
// (scripts/bench.mjs says the same of the engine benchmarks).
import { parentPort, workerData } from 'node:worker_threads';
import { compareVersions, createEngine } from '@akto/engine';
import { migrateData, registerArtifactsIn } from '@akto/engine/node';

if (workerData?.dispositifsDir) await registerArtifactsIn(workerData.dispositifsDir);

/** @param {{ id: string, dispositif: string, data: Record<string, unknown>, definition?: { version?: string } }} record */
async function check(record) {
  const engine = await createEngine(record.dispositif);
  const saved = record.definition?.version;
  const migration = saved && compareVersions(saved, engine.stamp.version) < 0 ? migrateData(engine, record.data, saved) : undefined;
  const { errors, warnings } = engine.validate(migration?.data ?? record.data, { phase: 'transmission' });
  return {
    ok: true,
    valid: errors.length === 0,
    errors: errors.map((e) => `${e.rule}@${e.path}`),
    warnings: warnings.length,
    ...(migration ? { migration: migration.report.message } : {}),
  };
}

parentPort.on('message', async (/** @type {{ id: number, records: any[] }} */ { id, records }) => {
  try {
    const results = [];
    for (const record of records) results.push(await check(record));
    parentPort.postMessage({ id, results });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
