// The IndexedDB store in headless Chromium: the shared contract, plus a crash between two saves.
import { expect } from '@open-wc/testing';
import { IndexedDbStore } from '../../src/workflow/store/indexeddb-store.js';
import { sampleRecord, storeContract } from './store-contract.js';

let n = 0;
storeContract('indexeddb', async () => new IndexedDbStore(`akto-test-${Date.now()}-${n++}`), { describe, it });

describe('indexeddb store durability', () => {
  it('a crash between two saves loses nothing that was acknowledged', async () => {
    const name = `akto-crash-${Date.now()}`;
    const first = new IndexedDbStore(name);
    const saved = await first.save(sampleRecord({ data: { etape: 'acquittée' } }));
    // The second save is started but the page "crashes" (connection closed) before it is acknowledged.
    const pending = first.save({ ...saved, data: { etape: 'en cours' } }).catch(() => 'interrompue');
    await first.close();
    await pending;
    const reopened = new IndexedDbStore(name);
    const read = await reopened.get(saved.id);
    expect(read, 'the acknowledged save survives').to.exist;
    expect(['acquittée', 'en cours']).to.include((read?.data as { etape: string }).etape);
    expect(read?.revision).to.be.oneOf([1, 2]);
    if (read?.revision === 1) expect((read.data as { etape: string }).etape).to.equal('acquittée');
    await reopened.close();
  });
});
