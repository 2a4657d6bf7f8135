/**
 * Background jobs on the same database (migrations/002_jobs.sql), for work too long for one request:
 * - `cerfa`: the CERFA of every dossier of the viewer's list (as the viewer's role may see it);
 * - `revalidation`: every dossier of a dispositif checked again with the engine, after a definition change
 *   (queued by the back office, and at start-up for each dispositif whose definition hash changed).
 * `POST /jobs` queues one (202 with its id); `GET /jobs/:id` answers `{ done, total, state, results }`;
 * `GET /jobs/:id/cerfa/:dossier` the PDF. One in-process worker per server claims jobs with
 * `FOR UPDATE SKIP LOCKED` (several servers share the queue) and writes each result with the progress in one
 * transaction; a job whose server stopped (no heartbeat for 2 minutes) is resumed where it was.
 * (pg-boss and graphile-worker need a `pg` connection; this runs on embedded PGlite too.)
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { entryRole, listDispositifs, manifestOf, partyKey, queryFromParams, type DossierRecord, type DossierService, type Viewer } from '@akto/engine';
import type { Queryable } from './db.js';
import type { PgStore } from './pg-store.js';
import { Loop, backoff } from './loop.js';
import { HttpProblem } from './problems.js';
import { RevalidationPool } from './revalidation.js';

export type JobType = 'cerfa' | 'revalidation';

export interface JobStatus {
  id: string;
  type: JobType;
  state: 'attente' | 'en-cours' | 'termine' | 'echec';
  done: number;
  total: number;
  createdAt: string;
  finishedAt?: string;
  message?: string;
  /** Failed attempts in a row; while a retry waits, when it runs. */
  attempts: number;
  retryAt?: string;
  results: ({ dossier: string } & Record<string, unknown>)[];
}

interface JobRow {
  id: string | number;
  type: JobType;
  requested_by: string;
  params: { viewer: Viewer; dispositif?: string };
  items: string[];
  state: JobStatus['state'];
  done: number;
  attempts: number;
  next_run_at: string | Date;
  created_at: string | Date;
  finished_at: string | Date | null;
  error: string | null;
}

const MAX_ITEMS = 2000;
/** Who asks for the re-validations queued at start-up (any back-office agent reads them). */
const BACK_OFFICE: Viewer = { role: 'gestionnaire', entityId: 'akto' };
/** Any constant of our own (pg-store.ts has the migrations' one). */
const DEFINITIONS_LOCK = 4_242_017;
const iso = (d: string | Date | null) => (d === null ? undefined : new Date(d).toISOString());

export interface JobOptions {
  log?: (line: string) => void;
  /** How often the worker looks for jobs queued by other processes and retries due (default 2 s). */
  pollMs?: number;
  /** First back-off after a failed attempt (default 5 s), doubled at each one. */
  retryMs?: number;
  /** Failed attempts in a row (without progress) before the job is `echec` (default 5). */
  maxAttempts?: number;
  /** Threads of the re-validation (default: one per core). */
  threads?: number;
  /** Dossiers per re-validation batch (default 250 per thread). */
  batch?: number;
  /** The extra dispositifs, registered by each re-validation thread too. */
  dispositifsDir?: string;
}

export class JobQueue {
  private readonly loop: Loop;
  private readonly log: (line: string) => void;
  private pool: RevalidationPool | undefined;
  private font: Promise<Uint8Array | undefined> | undefined;

  constructor(
    private readonly store: PgStore,
    private readonly service: DossierService,
    private readonly options: JobOptions = {},
  ) {
    this.log = options.log ?? (() => {});
    this.loop = new Loop(() => this.runOne(), this.log, 'traitements');
  }

  /** Queues a job for `viewer` and wakes the worker. */
  async enqueue(type: unknown, body: Record<string, unknown>, viewer: Viewer): Promise<JobStatus> {
    if (type === 'cerfa') {
      const items = await this.listed(body.query, viewer);
      if (items.length > MAX_ITEMS) throw new HttpProblem(400, `Trop de dossiers (${items.length}) : affinez la recherche (${MAX_ITEMS} au plus).`);
      return this.status(await this.queue('cerfa', viewer, items), viewer);
    }
    if (type === 'revalidation') {
      if (viewer.role !== 'gestionnaire') throw new HttpProblem(403, 'Seul un gestionnaire AKTO relance la vérification d’un dispositif.');
      const dispositif = typeof body.dispositif === 'string' ? body.dispositif : '';
      await this.service.engine(dispositif); // unknown dispositif: 400
      return this.status(await this.queue('revalidation', viewer, await this.dossiersOf(dispositif), dispositif), viewer);
    }
    throw new HttpProblem(400, 'Type de traitement inconnu : « cerfa » ou « revalidation » attendu.');
  }

  private async dossiersOf(dispositif: string, db: Queryable = this.store.db): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM dossiers WHERE dispositif = $1 AND kind <> 'masque' ORDER BY id`, [dispositif]);
    return rows.map((r) => r.id);
  }

  private async queue(type: JobType, viewer: Viewer, items: string[], dispositif?: string, db: Queryable = this.store.db): Promise<string> {
    const params: JobRow['params'] = { viewer: { role: viewer.role, entityId: viewer.entityId }, dispositif };
    const { rows } = await db.query<{ id: string | number }>('INSERT INTO jobs (type, requested_by, params, items) VALUES ($1, $2, $3, $4) RETURNING id', [
      type,
      partyKey(viewer),
      JSON.stringify(params),
      items,
    ]);
    this.wake();
    return String(rows[0]!.id);
  }

  /**
   * At start-up: each registered dispositif whose definition (artifact hash) differs from the one seen at
   * the last start gets its dossiers re-checked, for the back office (a first start only records them).
   */
  async checkDefinitions(): Promise<{ dispositif: string; version: string; job: string; total: number }[]> {
    // One transaction under an advisory lock: processes starting together (--workers) queue each re-validation once.
    const queued = await this.store.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [DEFINITIONS_LOCK]);
      const out: { dispositif: string; version: string; job: string; total: number }[] = [];
      for (const { id, version } of listDispositifs()) {
        const hash = manifestOf(id)?.hash;
        if (!hash) continue;
        const { rows } = await tx.query<{ hash: string }>('SELECT hash FROM dispositif_versions WHERE id = $1', [id]);
        if (rows[0]?.hash === hash) continue;
        await tx.query(
          'INSERT INTO dispositif_versions (id, version, hash) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = excluded.version, hash = excluded.hash, seen_at = now()',
          [id, version, hash],
        );
        const items = rows[0] ? await this.dossiersOf(id, tx) : [];
        if (items.length) out.push({ dispositif: id, version, job: await this.queue('revalidation', BACK_OFFICE, items, id, tx), total: items.length });
      }
      return out;
    });
    if (queued.length) this.wake();
    return queued;
  }

  /** The ids of the viewer's list (its filters and search), every page. */
  private async listed(query: unknown, viewer: Viewer): Promise<string[]> {
    const params = query && typeof query === 'object' && !Array.isArray(query) ? (query as Record<string, string>) : {};
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const result = await this.service.list({ ...queryFromParams(params), page, pageSize: 200 }, viewer);
      ids.push(...result.items.map((r) => r.id));
      if (ids.length >= result.total || !result.items.length || ids.length > MAX_ITEMS) return ids;
    }
  }

  private async row(id: string, viewer: Viewer): Promise<JobRow> {
    if (!/^\d{1,18}$/.test(id)) throw new HttpProblem(404, 'Traitement inconnu.');
    const { rows } = await this.store.db.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    const job = rows[0];
    if (!job) throw new HttpProblem(404, 'Traitement inconnu.');
    if (job.requested_by !== partyKey(viewer)) throw new HttpProblem(403, 'Ce traitement a été demandé par une autre entité.');
    return job;
  }

  async status(id: string, viewer: Viewer): Promise<JobStatus> {
    const job = await this.row(id, viewer);
    const { rows } = await this.store.db.query<{ dossier_id: string; result: Record<string, unknown> }>('SELECT dossier_id, result FROM job_results WHERE job_id = $1 ORDER BY dossier_id', [id]);
    return {
      id: String(job.id),
      type: job.type,
      state: job.state,
      done: job.done,
      total: job.items.length,
      createdAt: iso(job.created_at)!,
      finishedAt: iso(job.finished_at),
      message: job.error ?? undefined,
      attempts: job.attempts,
      retryAt: job.state === 'attente' && job.attempts > 0 ? iso(job.next_run_at) : undefined,
      results: rows.map((r) => ({ dossier: r.dossier_id, ...r.result })),
    };
  }

  async pdf(id: string, dossier: string, viewer: Viewer): Promise<Uint8Array> {
    await this.row(id, viewer);
    const { rows } = await this.store.db.query<{ pdf: Uint8Array | null }>('SELECT pdf FROM job_results WHERE job_id = $1 AND dossier_id = $2', [id, dossier]);
    if (!rows[0]?.pdf) throw new HttpProblem(404, 'CERFA non disponible pour ce dossier (traitement en cours, ou dossier en erreur).');
    return rows[0].pdf;
  }

  /** Starts the worker: jobs left by a stopped server, jobs queued by other processes, retries whose back-off is over. */
  start(): void {
    this.loop.poll(this.options.pollMs ?? 2000);
    this.loop.wake();
  }

  /** Runs the worker until no job is waiting (a call while it runs makes it look again). */
  wake(): void {
    this.loop.wake();
  }

  /** Resolves when the worker has nothing left to do now. */
  idle(): Promise<void> {
    return this.loop.idle();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.pool?.close();
  }

  /** Claims one waiting job (back-off over) or an abandoned one and runs it; false when there is none. */
  private async runOne(): Promise<boolean> {
    const job = await this.store.db.transaction(async (tx) => {
      const { rows } = await tx.query<JobRow>(
        `SELECT * FROM jobs WHERE (state = 'attente' AND next_run_at <= now()) OR (state = 'en-cours' AND heartbeat < now() - interval '2 minutes')
         ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!rows[0]) return undefined;
      await tx.query(`UPDATE jobs SET state = 'en-cours', heartbeat = now() WHERE id = $1`, [rows[0].id]);
      return rows[0];
    });
    if (!job) return false;
    try {
      const { rows } = await this.store.db.query<{ dossier_id: string }>('SELECT dossier_id FROM job_results WHERE job_id = $1', [job.id]);
      const finished = new Set(rows.map((r) => r.dossier_id));
      const todo = job.items.filter((id) => !finished.has(id));
      const complete = job.type === 'revalidation' ? await this.revalidate(job, todo) : await this.cerfas(job, todo);
      if (!complete) {
        // Stopped: the job waits for the next server (or this one, restarted), from where it is.
        await this.store.db.query(`UPDATE jobs SET state = 'attente', heartbeat = NULL WHERE id = $1 AND state = 'en-cours'`, [job.id]);
        return false;
      }
      await this.store.db.query(`UPDATE jobs SET state = 'termine', finished_at = now(), error = NULL WHERE id = $1`, [job.id]);
    } catch (e) {
      await this.failed(job, e as Error);
    }
    return true;
  }

  /**
   * A failed attempt (the database went away, an engine that cannot load...): the job waits `retryMs · 2^n`
   * and goes on from where it was; after `maxAttempts` failures in a row without progress it is `echec`.
   */
  private async failed(job: JobRow, e: Error): Promise<void> {
    const { retryMs = 5000, maxAttempts = 5 } = this.options;
    this.log(`traitement ${job.id} : ${e.stack ?? String(e)}`);
    const { rows } = await this.store.db.query<{ attempts: number }>('UPDATE jobs SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts', [job.id]);
    const attempts = rows[0]?.attempts ?? maxAttempts;
    if (attempts >= maxAttempts) {
      await this.store.db.query(`UPDATE jobs SET state = 'echec', finished_at = now(), error = $2 WHERE id = $1`, [job.id, `Le traitement a échoué après ${attempts} tentatives : relancez-le.`]);
      return;
    }
    await this.store.db.query(`UPDATE jobs SET state = 'attente', heartbeat = NULL, next_run_at = $2, error = $3 WHERE id = $1`, [
      job.id,
      new Date(Date.now() + backoff(attempts, retryMs)).toISOString(),
      `Une erreur est survenue : nouvel essai automatique (tentative ${attempts + 1} sur ${maxAttempts}).`,
    ]);
  }

  /** Writes results with the progress in one transaction (a new result resets the failed attempts). */
  private async record(job: JobRow, results: { id: string; result: Record<string, unknown>; pdf?: Uint8Array }[]): Promise<void> {
    await this.store.db.transaction(async (tx: Queryable) => {
      let added = 0;
      if (results.length === 1 || results.some((r) => r.pdf)) {
        for (const r of results) added += (await tx.query('INSERT INTO job_results (job_id, dossier_id, result, pdf) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [job.id, r.id, JSON.stringify(r.result), r.pdf ?? null])).affected;
      } else {
        const sql = 'INSERT INTO job_results (job_id, dossier_id, result) SELECT $1, d, r::jsonb FROM unnest($2::text[], $3::text[]) AS t(d, r) ON CONFLICT DO NOTHING';
        added = (await tx.query(sql, [job.id, results.map((r) => r.id), results.map((r) => JSON.stringify(r.result))])).affected;
      }
      await tx.query('UPDATE jobs SET done = done + $2, heartbeat = now(), attempts = 0 WHERE id = $1', [job.id, added]);
    });
  }

  /** The CERFA of each dossier, one after the other; false when stopped before the end. */
  private async cerfas(job: JobRow, todo: string[]): Promise<boolean> {
    for (const id of todo) {
      if (this.loop.isStopped) return false;
      await this.record(job, [{ id, ...(await this.item(job, id)) }]);
    }
    return true;
  }

  /** Re-validation by batches, checked on every core (revalidation.ts); false when stopped before the end. */
  private async revalidate(job: JobRow, todo: string[]): Promise<boolean> {
    this.pool ??= new RevalidationPool(this.options.threads, this.options.dispositifsDir);
    const batch = this.options.batch ?? 250 * this.pool.threads;
    for (let i = 0; i < todo.length; i += batch) {
      if (this.loop.isStopped) return false;
      const ids = todo.slice(i, i + batch);
      const { rows } = await this.store.db.query<{ id: string; revision: number; record: DossierRecord }>('SELECT id, revision, record FROM dossiers WHERE id = ANY($1::text[])', [ids]);
      const live = new Map(rows.filter((r) => r.record.kind !== 'masque').map((r) => [r.id, r.record]));
      const checked = await this.pool.check([...live.values()]);
      const byId = new Map([...live.keys()].map((id, n) => [id, checked[n]!]));
      await this.record(job, ids.map((id) => ({ id, result: byId.get(id) ?? { ok: false, message: `Le dossier n° ${id} n’existe plus.` } })));
    }
    return true;
  }

  /** One dossier of a job: its result (and PDF); a dossier that fails is reported, the job goes on. */
  private async item(job: JobRow, id: string): Promise<{ result: Record<string, unknown>; pdf?: Uint8Array }> {
    const record = await this.store.get(id);
    if (!record || record.kind === 'masque') return { result: { ok: false, message: `Le dossier n° ${id} n’existe plus.` } };
    const engine = await this.service.engine(record.dispositif);
    const viewer = job.params.viewer;
    try {
      await this.service.open(id, viewer); // still visible to the one who asked
    } catch {
      return { result: { ok: false, message: `Le dossier n° ${id} ne vous est plus visible.` } };
    }
    const { generateCerfa } = await import('@akto/engine/cerfa');
    const data = engine.viewFor(record.data, viewer.role, viewer.entityId, entryRole(record, viewer));
    const cerfa = await generateCerfa(engine.definition, data, { draft: record.kind === 'brouillon', font: await this.dejaVu() });
    return { result: { ok: true, numero: record.numero ?? record.id, bytes: cerfa.bytes.length, warnings: cerfa.warnings }, pdf: cerfa.bytes };
  }

  /** DejaVu Sans (covers French names), as the CLI embeds it; the standard font otherwise. */
  private dejaVu(): Promise<Uint8Array | undefined> {
    this.font ??= readFile(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).then(
      (b) => new Uint8Array(b),
      () => undefined,
    );
    return this.font;
  }
}
