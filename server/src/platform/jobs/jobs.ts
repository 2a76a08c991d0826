// Jobs in the database (催付 reminders, webhook retries, the demo courier): they survive a
// restart because they are rows, and several app nodes share them because a worker takes
// a due job with `for update skip locked` and holds it for a while. A worker that dies
// holding a job lets go when the hold runs out; the job then runs again, so handlers must
// be safe to repeat (they check the state they act on first).
//
// ARCHITECTURE.md suggests pg-boss; pg-boss 10 needs a PGlite adapter and its own schema
// and scheduler process, while what QinDesk needs is this table and one poll a second
// (docs/decisions.md).
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/database";
import { newId } from "../db/ids";

export interface NewJob {
  queue: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  /** One pending job per (queue, key): enqueueing again moves it (a new time, a new payload). */
  singletonKey?: string;
}

export interface JobRow {
  id: string;
  queue: string;
  singleton_key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  run_at: Date | string;
}

export type JobHandler = (job: JobRow) => Promise<void>;

/** Adds a job (or moves the pending one with the same key). Works inside a transaction. */
export async function enqueueJob(db: Db, job: NewJob): Promise<void> {
  const payload = JSON.stringify(job.payload ?? {});
  const runAt = job.runAt.toISOString();
  if (!job.singletonKey) {
    await db.execute(sql`insert into jobs (id, queue, payload, run_at) values (${newId("job")}, ${job.queue}, ${payload}::jsonb, ${runAt}::timestamptz)`);
    return;
  }
  await db.execute(sql`insert into jobs (id, queue, singleton_key, payload, run_at) values (${newId("job")}, ${job.queue}, ${job.singletonKey}, ${payload}::jsonb, ${runAt}::timestamptz)
    on conflict (queue, singleton_key) do update set payload = excluded.payload, run_at = excluded.run_at, state = 'pending',
      attempts = 0, locked_until = null, last_error = null, finished_at = null`);
}

/** Drops a pending job by key (the order was paid: no more reminders). */
export async function cancelJob(db: Db, queue: string, singletonKey: string): Promise<void> {
  await db.execute(sql`update jobs set state = 'cancelled', finished_at = now() where queue = ${queue} and singleton_key = ${singletonKey} and state = 'pending'`);
}

const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Finished jobs are only history: done and cancelled ones go after a week, failed ones
 * (kept longer, to look into) after a month. The records a feature keeps of its own —
 * webhook deliveries, 催付 reminders — are not jobs and stay.
 */
export async function purgeFinished(db: Db, now: Date): Promise<void> {
  await db.execute(sql`delete from jobs where (state in ('done', 'cancelled') and finished_at < ${new Date(now.getTime() - 7 * DAY_MS).toISOString()}::timestamptz)
    or (state = 'failed' and finished_at < ${new Date(now.getTime() - 30 * DAY_MS).toISOString()}::timestamptz)`);
}

export interface JobRunnerOptions {
  pollMs?: number;
  /** How long a worker holds a job it took. */
  holdMs?: number;
  maxAttempts?: number;
  /** Wait before attempt n+1 (n = attempts so far). */
  retryDelayMs?: (attempts: number) => number;
  onError?: (err: unknown, job: JobRow) => void;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private lastPurge = -Infinity;
  private readonly options: Required<JobRunnerOptions>;

  constructor(
    private readonly db: Db,
    options: JobRunnerOptions = {},
  ) {
    this.options = {
      pollMs: options.pollMs ?? 1000,
      holdMs: options.holdMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 8,
      // 10 s, 20 s, 40 s … capped at an hour.
      retryDelayMs: options.retryDelayMs ?? ((n) => Math.min(3_600_000, 10_000 * 2 ** Math.max(0, n - 1))),
      onError: options.onError ?? (() => undefined),
    };
  }

  handle(queue: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.runDue()
        .catch((err: unknown) => this.options.onError(err, { id: "", queue: "", singleton_key: null, payload: {}, attempts: 0, run_at: new Date() }))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.options.pollMs);
  }

  /** Stops polling and waits for the jobs in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Runs every job due now (tests call it instead of waiting for the poll). Returns how many ran. */
  runDue(now = new Date()): Promise<number> {
    // One pass at a time per runner; a second caller waits for the pass in progress and then runs its own.
    const previous = this.running ?? Promise.resolve(0);
    const pass = previous.catch(() => 0).then(() => this.pass(now));
    this.running = pass;
    return pass;
  }

  private async pass(now: Date): Promise<number> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return 0;
    // By the wall clock, not the pass's `now`: a test running jobs "a week later" must not age real history.
    if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await purgeFinished(this.db, new Date());
    }
    let ran = 0;
    for (;;) {
      const taken = await queryRows<JobRow>(
        this.db,
        sql`update jobs set locked_until = ${new Date(now.getTime() + this.options.holdMs).toISOString()}::timestamptz, attempts = attempts + 1
            where id in (select id from jobs where state = 'pending' and run_at <= ${now.toISOString()}::timestamptz
                           and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
                           and queue in (${sql.join(queues.map((q) => sql`${q}`), sql`, `)})
                         order by run_at limit 20 for update skip locked)
            returning id, queue, singleton_key, payload, attempts, run_at`,
      );
      if (taken.length === 0) return ran;
      // RETURNING comes back in no particular order: run them in the order they were due
      // (a shop's system gets order.created before order.paid).
      taken.sort((a, b) => new Date(a.run_at).getTime() - new Date(b.run_at).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const job of taken) {
        await this.runOne(job, now);
        ran += 1;
      }
    }
  }

  private async runOne(job: JobRow, now: Date): Promise<void> {
    const handler = this.handlers.get(job.queue);
    try {
      await handler!(job);
      // A handler may have moved its own job (enqueueJob with the same key): only finish the run we took.
      await this.db.execute(sql`update jobs set state = 'done', finished_at = now(), locked_until = null where id = ${job.id} and attempts = ${job.attempts} and locked_until is not null`);
    } catch (err) {
      this.options.onError(err, job);
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      // Only while the job is still the run we took: a worker whose hold ran out must not
      // clear the hold of the worker that took the job over (nor a handler's own re-enqueue).
      const ours = sql`id = ${job.id} and attempts = ${job.attempts} and state = 'pending'`;
      if (job.attempts >= this.options.maxAttempts) {
        await this.db.execute(sql`update jobs set state = 'failed', finished_at = now(), locked_until = null, last_error = ${message} where ${ours}`);
      } else {
        // From the runner's clock, as the hold is: runDue(later) then never retries within its own pass.
        const retryAt = new Date(now.getTime() + this.options.retryDelayMs(job.attempts)).toISOString();
        await this.db.execute(sql`update jobs set run_at = ${retryAt}::timestamptz, locked_until = null, last_error = ${message} where ${ours}`);
      }
    }
  }
}
