import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaleRevisionError, type DossierRecord, type DossierStore } from '@akto/engine';
// The behaviour every DossierStore must have (the engine's own suite, run against memory, HTTP and IndexedDB).
import { sampleRecord, storeContract } from '../../../packages/engine/test/workflow/store-contract.js';
import { StaleRevisionError as SourceStaleRevisionError } from '../../../packages/engine/src/workflow/store/types.js';
import { SqliteStore } from '../src/sqlite-store.js';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'akto-sqlite-'));
  dirs.push(dir);
  return join(dir, 'data.sqlite');
}
process.on('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * The suite imports the engine's sources while this store uses the built package: the same error,
 * two class identities. The adapter only re-throws the stale error as the suite's class.
 */
function asSourceErrors(store: DossierStore): DossierStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== 'save' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (record: DossierRecord) => {
        try {
          return await target.save(record);
        } catch (e) {
          if (e instanceof StaleRevisionError) throw new SourceStaleRevisionError(e.id, e.expected, e.actual);
          throw e;
        }
      };
    },
  });
}

storeContract('sqlite', async () => asSourceErrors(new SqliteStore(tempFile())), { describe, it });
storeContract('sqlite (:memory:)', async () => asSourceErrors(new SqliteStore(':memory:')), { describe, it });

describe('sqlite store on a file', () => {
  it('keeps what was acknowledged across a reopen, with its revision', async () => {
    const file = tempFile();
    const first = new SqliteStore(file);
    const saved = await first.save(sampleRecord());
    const again = await first.save({ ...saved, data: { ...saved.data, note: 'deuxième' } });
    await first.nextSequence('brouillon');
    await first.setPreference('adherent:1|acces-rapides', [{ nom: 'CPRO' }]);
    first.close();
    const second = new SqliteStore(file);
    try {
      const read = await second.get(saved.id);
      assert.equal(read?.revision, 2);
      assert.deepEqual(read?.data, again.data);
      assert.equal(await second.nextSequence('brouillon'), 2, 'sequence continues');
      assert.deepEqual(await second.getPreference('adherent:1|acces-rapides'), [{ nom: 'CPRO' }]);
      await assert.rejects(second.save({ ...saved }), StaleRevisionError, 'an old revision is still stale after the reopen');
    } finally {
      second.close();
    }
  });

  it('two connections on one file (two server processes): one save of a revision wins, the other is refused', async () => {
    const file = tempFile();
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    try {
      const base = await a.save(sampleRecord());
      const fromB = await b.get(base.id);
      await a.save({ ...base, data: { par: 'A' } });
      await assert.rejects(b.save({ ...fromB!, data: { par: 'B' } }), (e: unknown) => e instanceof StaleRevisionError && e.actual === 2);
      assert.deepEqual((await b.get(base.id))?.data, { par: 'A' }, 'A kept');
      const seqs = [await a.nextSequence('s'), await b.nextSequence('s'), await a.nextSequence('s')];
      assert.deepEqual(seqs, [1, 2, 3], 'a sequence never gives a number twice');
    } finally {
      a.close();
      b.close();
    }
  });

  it('returns what it stored, not the caller’s object; a preference set to undefined is removed', async () => {
    const store = new SqliteStore(':memory:');
    const record = sampleRecord();
    const saved = await store.save(record);
    (saved.data as Record<string, unknown>).mutated = true;
    assert.equal((await store.get(record.id))?.data.mutated, undefined);
    await store.setPreference('k', { a: 1 });
    await store.setPreference('k', undefined);
    assert.equal(await store.getPreference('k'), undefined);
    store.close();
  });

  it('keeps notifications in an outbox until acknowledged', () => {
    const store = new SqliteStore(':memory:');
    store.addNotification({ type: 'notification', to: 'adherent', kind: 'a-valider', text: 'Votre organisme de formation vous a transmis la demande n° 10001', template: 'Votre organisme de formation vous a transmis la demande {dossier}', dossier: 'n° 10001' });
    const [entry] = store.outbox();
    assert.equal(entry?.notification.kind, 'a-valider');
    store.acknowledge([entry!.seq]);
    assert.deepEqual(store.outbox(), []);
    store.close();
  });
});
