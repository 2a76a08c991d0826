// The jobs table runner on a real database (PGlite, or PostgreSQL with DATABASE_URL):
// due jobs run once, keys move a pending job, retries back off from the runner's clock,
// the last attempt fails the job, a job survives a restart, a worker that stops answering
// lets go after its hold, and two runners at once never run one job twice.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/test-database";
import { openDatabase, queryRows, type Database } from "../db/database";
import { migrateDatabase } from "../db/migrate";
import { cancelJob, enqueueJob, JobRunner, type JobRow } from "./jobs";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => database?.close());
beforeEach(async () => {
  await database.db.execute(sql`delete from jobs`);
});

interface StoredJob {
  id: string;
  queue: string;
  singleton_key: string | null;
  payload: Record<string, unknown>;
  state: string;
  attempts: number;
  run_at: Date;
  locked_until: Date | null;
  last_error: string | null;
}

async function jobsOf(queue: string, db = database.db): Promise<StoredJob[]> {
  const rows = await queryRows<StoredJob>(db, sql`select id, queue, singleton_key, payload, state, attempts, run_at, locked_until, last_error from jobs where queue = ${queue} order by created_at, id`);
  return rows.map((r) => ({ ...r, run_at: new Date(r.run_at), locked_until: r.locked_until && new Date(r.locked_until) }));
}

const SECOND = 1000;
const later = (ms: number) => new Date(Date.now() + ms);

/** A promise the test settles by hand: a handler that is "still working". */
function gate() {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe("enqueue and run", () => {
  it("runs a job when it is due, once, with its payload", async () => {
    const runner = new JobRunner(database.db);
    const seen: JobRow[] = [];
    runner.handle("greet", async (job) => void seen.push(job));
    await enqueueJob(database.db, { queue: "greet", runAt: later(60 * SECOND), payload: { orderId: "ord_1", n: 2 } });

    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual([]);
    expect(await runner.runDue(later(61 * SECOND))).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ queue: "greet", payload: { orderId: "ord_1", n: 2 }, attempts: 1 });
    // Done: it does not run again.
    expect(await runner.runDue(later(3600 * SECOND))).toBe(0);
    const [row] = await jobsOf("greet");
    expect(row).toMatchObject({ state: "done", locked_until: null, attempts: 1 });
  });

  it("runs the due jobs of a pass in the order they were due", async () => {
    const runner = new JobRunner(database.db);
    const order: number[] = [];
    runner.handle("ordered", async (job) => void order.push(Number(job.payload.n)));
    const t0 = Date.now();
    // Enqueued out of order, and touched afterwards so the table's physical order is another still.
    const due = [5, 1, 4, 2, 3, 0];
    for (const n of due) await enqueueJob(database.db, { queue: "ordered", singletonKey: `k${n}`, runAt: new Date(t0 + n * SECOND), payload: { n } });
    for (const n of [0, 2]) await enqueueJob(database.db, { queue: "ordered", singletonKey: `k${n}`, runAt: new Date(t0 + n * SECOND), payload: { n } });
    await runner.runDue(new Date(t0 + 10 * SECOND));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("leaves jobs of queues it does not handle alone", async () => {
    const runner = new JobRunner(database.db);
    runner.handle("mine", async () => undefined);
    await enqueueJob(database.db, { queue: "theirs", runAt: new Date() });
    expect(await runner.runDue(later(SECOND))).toBe(0);
    expect((await jobsOf("theirs"))[0]).toMatchObject({ state: "pending", attempts: 0 });
  });

  it("keeps one pending job per key: enqueueing again moves it to the new time and payload", async () => {
    await enqueueJob(database.db, { queue: "remind", singletonKey: "ord_9", runAt: later(10 * SECOND), payload: { ordinal: 1 } });
    await enqueueJob(database.db, { queue: "remind", singletonKey: "ord_9", runAt: later(600 * SECOND), payload: { ordinal: 2 } });
    await enqueueJob(database.db, { queue: "remind", singletonKey: "ord_10", runAt: later(10 * SECOND) });
    const rows = await jobsOf("remind");
    expect(rows.map((r) => r.singleton_key)).toEqual(["ord_9", "ord_10"]);
    expect(rows[0]!.payload).toEqual({ ordinal: 2 });

    const runner = new JobRunner(database.db);
    const ran: unknown[] = [];
    runner.handle("remind", async (job) => void ran.push([job.singleton_key, job.payload]));
    // At +20 s only ord_10 is due: ord_9 was moved to +600 s.
    await runner.runDue(later(20 * SECOND));
    expect(ran).toEqual([["ord_10", {}]]);
    await runner.runDue(later(601 * SECOND));
    expect(ran).toEqual([["ord_10", {}], ["ord_9", { ordinal: 2 }]]);
  });

  it("a key in another queue is another job", async () => {
    await enqueueJob(database.db, { queue: "a", singletonKey: "k", runAt: new Date() });
    await enqueueJob(database.db, { queue: "b", singletonKey: "k", runAt: new Date() });
    expect(await jobsOf("a")).toHaveLength(1);
    expect(await jobsOf("b")).toHaveLength(1);
  });

  it("cancels a pending job by key; enqueueing the key later starts it afresh", async () => {
    const runner = new JobRunner(database.db);
    let runs = 0;
    runner.handle("remind", async () => void (runs += 1));
    await enqueueJob(database.db, { queue: "remind", singletonKey: "ord_paid", runAt: later(5 * SECOND) });
    await cancelJob(database.db, "remind", "ord_paid");
    expect(await runner.runDue(later(10 * SECOND))).toBe(0);
    expect((await jobsOf("remind"))[0]!.state).toBe("cancelled");
    // Cancelling an unknown key does nothing.
    await cancelJob(database.db, "remind", "ord_unknown");

    await enqueueJob(database.db, { queue: "remind", singletonKey: "ord_paid", runAt: later(5 * SECOND) });
    expect(await runner.runDue(later(10 * SECOND))).toBe(1);
    expect(runs).toBe(1);
  });

  it("enqueues inside a transaction: a rolled-back change leaves no job behind", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, { queue: "tx", runAt: new Date() });
        throw new Error("the order change failed");
      }),
    ).rejects.toThrow("the order change failed");
    expect(await jobsOf("tx")).toEqual([]);
  });

  it("does not mark done a job whose handler moved it (re-enqueued its own key)", async () => {
    const runner = new JobRunner(database.db);
    const steps: number[] = [];
    runner.handle("courier", async (job) => {
      const step = Number(job.payload.step);
      steps.push(step);
      if (step < 2) await enqueueJob(database.db, { queue: "courier", singletonKey: job.singleton_key!, runAt: new Date(new Date(job.run_at).getTime() + 60 * SECOND), payload: { step: step + 1 } });
    });
    const t0 = Date.now();
    await enqueueJob(database.db, { queue: "courier", singletonKey: "ord_c", runAt: new Date(t0), payload: { step: 0 } });
    await runner.runDue(new Date(t0 + SECOND));
    expect(steps).toEqual([0]);
    expect((await jobsOf("courier"))[0]).toMatchObject({ state: "pending", payload: { step: 1 }, attempts: 0, locked_until: null });
    await runner.runDue(new Date(t0 + 61 * SECOND));
    await runner.runDue(new Date(t0 + 121 * SECOND));
    expect(steps).toEqual([0, 1, 2]);
    expect((await jobsOf("courier"))[0]).toMatchObject({ state: "done", payload: { step: 2 } });
  });
});

describe("history", () => {
  it("forgets finished jobs after a week (failed ones after a month), never pending ones", async () => {
    const day = 86_400_000;
    const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
    await database.db.execute(sql`insert into jobs (id, queue, state, run_at, finished_at) values
      ('j_done_old', 'h', 'done', ${ago(9)}::timestamptz, ${ago(8)}::timestamptz),
      ('j_done_new', 'h', 'done', ${ago(2)}::timestamptz, ${ago(1)}::timestamptz),
      ('j_cancel_old', 'h', 'cancelled', ${ago(9)}::timestamptz, ${ago(8)}::timestamptz),
      ('j_failed_mid', 'h', 'failed', ${ago(9)}::timestamptz, ${ago(8)}::timestamptz),
      ('j_failed_old', 'h', 'failed', ${ago(40)}::timestamptz, ${ago(31)}::timestamptz),
      ('j_pending_old', 'h', 'pending', ${ago(60)}::timestamptz, null)`);
    const runner = new JobRunner(database.db);
    runner.handle("other", async () => undefined);
    await runner.runDue();
    const left = (await queryRows<{ id: string }>(database.db, sql`select id from jobs order by id`)).map((r) => r.id);
    expect(left).toEqual(["j_done_new", "j_failed_mid", "j_pending_old"]);
  });
});

describe("failures", () => {
  it("retries a failing job later with growing waits, counted from the runner's clock, and records the error", async () => {
    const delays: number[] = [];
    const runner = new JobRunner(database.db, { maxAttempts: 5, retryDelayMs: (n) => (delays.push(n), n * 60 * SECOND) });
    let calls = 0;
    runner.handle("flaky", async () => {
      calls += 1;
      if (calls < 3) throw new Error(`boom ${calls}`);
    });
    // The runner's clock is a day ahead of the wall clock: waits count from it.
    const t0 = Date.now() + 86_400 * SECOND;
    await enqueueJob(database.db, { queue: "flaky", runAt: new Date(t0) });

    await runner.runDue(new Date(t0));
    expect(calls).toBe(1);
    let [row] = await jobsOf("flaky");
    expect(row).toMatchObject({ state: "pending", attempts: 1, last_error: "boom 1", locked_until: null });
    expect(row!.run_at.getTime()).toBe(t0 + 60 * SECOND);
    // Not again at the same instant, nor before the wait is over.
    await runner.runDue(new Date(t0));
    await runner.runDue(new Date(t0 + 59 * SECOND));
    expect(calls).toBe(1);

    await runner.runDue(new Date(t0 + 60 * SECOND));
    expect(calls).toBe(2);
    [row] = await jobsOf("flaky");
    expect(row).toMatchObject({ state: "pending", attempts: 2, last_error: "boom 2" });
    expect(row!.run_at.getTime()).toBe(t0 + 60 * SECOND + 120 * SECOND);

    await runner.runDue(new Date(t0 + 180 * SECOND));
    expect(calls).toBe(3);
    expect((await jobsOf("flaky"))[0]).toMatchObject({ state: "done", attempts: 3 });
    expect(delays).toEqual([1, 2]);
  });

  it("gives a job up after maxAttempts: state failed with the last error, never run again", async () => {
    const errors: string[] = [];
    const runner = new JobRunner(database.db, { maxAttempts: 3, retryDelayMs: () => SECOND, onError: (err) => errors.push((err as Error).message) });
    let calls = 0;
    runner.handle("doomed", async () => {
      calls += 1;
      throw new Error(`down ${calls}`);
    });
    await enqueueJob(database.db, { queue: "doomed", runAt: new Date() });
    for (let i = 1; i <= 6; i++) await runner.runDue(later(i * 10 * SECOND));
    expect(calls).toBe(3);
    expect(errors).toEqual(["down 1", "down 2", "down 3"]);
    const [row] = await jobsOf("doomed");
    expect(row).toMatchObject({ state: "failed", attempts: 3, last_error: "down 3", locked_until: null });
  });

  it("counts a thrown non-Error as a failure too", async () => {
    const runner = new JobRunner(database.db, { maxAttempts: 1 });
    runner.handle("odd", () => Promise.reject("plain string"));
    await enqueueJob(database.db, { queue: "odd", runAt: new Date() });
    await runner.runDue(later(SECOND));
    expect((await jobsOf("odd"))[0]).toMatchObject({ state: "failed", last_error: "plain string" });
  });
});

describe("restarts and several workers", () => {
  it("a job enqueued before a restart runs after it, in a new process's runner", async () => {
    // A real restart: the database is closed and opened again from where it lives.
    let dir: string | null = null;
    let first: Database;
    if (database.kind === "pglite") {
      dir = mkdtempSync(join(tmpdir(), "qindesk-jobs-"));
      first = await openDatabase({ databaseUrl: null, dataDir: dir, command: "test" });
      await migrateDatabase(first);
    } else {
      first = await openDatabase({ databaseUrl: database.url!, dataDir: null, command: "test" });
    }
    try {
      const before = new JobRunner(first.db);
      before.handle("survive", async () => {
        throw new Error("the first process never got to run it");
      });
      await enqueueJob(first.db, { queue: "survive", singletonKey: "ord_r", runAt: later(30 * SECOND), payload: { step: 3 } });
      await first.close();

      const second = dir ? await openDatabase({ databaseUrl: null, dataDir: dir, command: "test" }) : await openDatabase({ databaseUrl: database.url!, dataDir: null, command: "test" });
      try {
        const after = new JobRunner(second.db);
        const ran: unknown[] = [];
        after.handle("survive", async (job) => void ran.push(job.payload));
        expect(await after.runDue(later(31 * SECOND))).toBe(1);
        expect(ran).toEqual([{ step: 3 }]);
        expect((await jobsOf("survive", second.db))[0]!.state).toBe("done");
      } finally {
        await second.close();
      }
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes again a job whose worker stopped answering, once its hold has run out", async () => {
    const crashed = new JobRunner(database.db, { holdMs: 30 * SECOND });
    const stuck = gate();
    crashed.handle("held", () => stuck.promise);
    const t0 = Date.now();
    await enqueueJob(database.db, { queue: "held", runAt: new Date(t0) });
    const crashedPass = crashed.runDue(new Date(t0));
    await expect.poll(async () => (await jobsOf("held"))[0]!.attempts).toBe(1);

    const healthy = new JobRunner(database.db, { holdMs: 30 * SECOND });
    let runs = 0;
    healthy.handle("held", async () => void (runs += 1));
    // Still held: nobody else takes it.
    expect(await healthy.runDue(new Date(t0 + 29 * SECOND))).toBe(0);
    // The hold ran out: the job runs again elsewhere.
    expect(await healthy.runDue(new Date(t0 + 31 * SECOND))).toBe(1);
    expect(runs).toBe(1);
    expect((await jobsOf("held"))[0]).toMatchObject({ state: "done", attempts: 2 });

    // The lost worker coming back late changes nothing.
    stuck.open();
    await crashedPass;
    expect((await jobsOf("held"))[0]).toMatchObject({ state: "done", attempts: 2 });
  });

  it("a worker that fails late does not undo the run of the worker that took the job over", async () => {
    const slow = new JobRunner(database.db, { holdMs: 30 * SECOND, retryDelayMs: () => 10 * SECOND });
    const slowGate = gate();
    slow.handle("late", () => slowGate.promise);
    const fast = new JobRunner(database.db, { holdMs: 30 * SECOND, retryDelayMs: () => 10 * SECOND });
    const fastGate = gate();
    let fastRuns = 0;
    fast.handle("late", async () => {
      fastRuns += 1;
      await fastGate.promise;
    });
    const t0 = Date.now();
    await enqueueJob(database.db, { queue: "late", runAt: new Date(t0) });
    const slowPass = slow.runDue(new Date(t0));
    await expect.poll(async () => (await jobsOf("late"))[0]!.attempts).toBe(1);
    const fastPass = fast.runDue(new Date(t0 + 31 * SECOND));
    await expect.poll(async () => (await jobsOf("late"))[0]!.attempts).toBe(2);

    // The first worker's attempt ends in an error while the second one holds the job.
    slowGate.fail(new Error("timed out long ago"));
    await slowPass;
    const held = (await jobsOf("late"))[0]!;
    expect(held.locked_until).not.toBeNull();
    // So a third worker does not take it meanwhile.
    const third = new JobRunner(database.db);
    let thirdRuns = 0;
    third.handle("late", async () => void (thirdRuns += 1));
    expect(await third.runDue(new Date(t0 + 45 * SECOND))).toBe(0);

    fastGate.open();
    await fastPass;
    expect(fastRuns).toBe(1);
    expect((await jobsOf("late"))[0]).toMatchObject({ state: "done" });
    expect(await third.runDue(new Date(t0 + 3600 * SECOND))).toBe(0);
    expect(thirdRuns).toBe(0);
  });

  it("two runners working at once never run one job twice", async () => {
    const JOBS = 120;
    const runs = new Map<string, number>();
    const makeRunner = () => {
      const runner = new JobRunner(database.db);
      runner.handle("race", async (job) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        // A little work, so the two runners' passes overlap.
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
      return runner;
    };
    const a = makeRunner();
    const b = makeRunner();
    for (let i = 0; i < JOBS; i += 20) {
      await database.db.transaction(async (tx) => {
        for (let j = i; j < i + 20; j++) await enqueueJob(tx, { queue: "race", runAt: new Date(), payload: { n: j } });
      });
    }
    const now = later(SECOND);
    const [ranA, ranB] = await Promise.all([a.runDue(now), b.runDue(now)]);
    expect(ranA + ranB).toBe(JOBS);
    expect(runs.size).toBe(JOBS);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const rows = await jobsOf("race");
    expect(rows.every((r) => r.state === "done" && r.attempts === 1)).toBe(true);
    if (database.kind === "postgres") {
      // Over the pool the two really ran side by side: both got work.
      expect(ranA).toBeGreaterThan(0);
      expect(ranB).toBeGreaterThan(0);
    }
  });

  it("polls by itself once started, and stop() waits for the job in hand and polls no more", async () => {
    const runner = new JobRunner(database.db, { pollMs: 20 });
    const working = gate();
    const ran: number[] = [];
    runner.handle("poll", async (job) => {
      if (job.payload.n === 1) await working.promise;
      ran.push(Number(job.payload.n));
    });
    await enqueueJob(database.db, { queue: "poll", runAt: new Date(), payload: { n: 1 } });
    runner.start();
    await expect.poll(async () => (await jobsOf("poll"))[0]!.attempts).toBe(1);
    const stopping = runner.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    working.open();
    await stopping;
    expect(ran).toEqual([1]);
    expect((await jobsOf("poll"))[0]!.state).toBe("done");

    await enqueueJob(database.db, { queue: "poll", runAt: new Date(), payload: { n: 2 } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ran).toEqual([1]);
  });
});
