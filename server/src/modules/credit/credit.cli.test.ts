// Golden tests of `qindesk credit` run as users run it: the real CLI in a child
// process, on the scenario files in fixtures/ with outputs worked out by hand.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../../..");
const fixtures = relative(root, join(here, "fixtures"));
const scratch = mkdtempSync(join(tmpdir(), "qindesk-credit-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const runs = new Map<string, { code: number | null; stdout: string; stderr: string }>();

/** The real CLI in a child process; a command line run once is answered from memory (each run starts tsx). */
function qindesk(...args: string[]) {
  const key = JSON.stringify(args);
  let run = runs.get(key);
  if (!run) {
    const child = spawnSync(process.execPath, ["bin/qindesk.mjs", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
    run = { code: child.status, stdout: child.stdout, stderr: child.stderr };
    runs.set(key, run);
  }
  return run;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), "utf8"));

describe("qindesk credit FILE --json", () => {
  it.each(["public-example", "all-rules", "month-cap-utc"])("gives the hand-computed answer for %s.json", (name) => {
    const { code, stdout, stderr } = qindesk("credit", `${fixtures}/${name}.json`, "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    expect(stdout.trimEnd()).not.toContain("\n"); // one JSON object on one line
    expect(JSON.parse(stdout)).toEqual(readJson(`${fixtures}/${name}.expected.json`));
  });

  it("prints exactly the contract's keys, in its order", () => {
    const out = JSON.parse(qindesk("credit", `${fixtures}/all-rules.json`, "--json").stdout) as {
      level: object;
      trades: object[];
    };
    expect(Object.keys(out)).toEqual(["score", "level", "trades"]);
    expect(Object.keys(out.level)).toEqual(["index", "tier", "rank"]);
    for (const trade of out.trades) expect(Object.keys(trade)).toEqual(["id", "points", "note"]);
  });

  it("gives the same points when the file lists the trades in another order", () => {
    const file = readJson(`${fixtures}/all-rules.json`) as { trades: { id: string }[] };
    const expected = readJson(`${fixtures}/all-rules.expected.json`) as { score: number; trades: { id: string; points: number }[] };
    const reversed = join(scratch, "reversed.json");
    writeFileSync(reversed, JSON.stringify({ ...file, trades: [...file.trades].reverse() }));
    const out = JSON.parse(qindesk("credit", reversed, "--json").stdout) as typeof expected;
    expect(out.score).toBe(expected.score);
    expect(out.trades.map((t) => t.id)).toEqual(file.trades.map((t) => t.id).reverse());
    expect(Object.fromEntries(out.trades.map((t) => [t.id, t.points]))).toEqual(Object.fromEntries(expected.trades.map((t) => [t.id, t.points])));
  });

  it("reads a file that starts with a byte-order mark", () => {
    const withBom = join(scratch, "bom.json");
    writeFileSync(withBom, `\uFEFF${readFileSync(join(root, fixtures, "public-example.json"), "utf8")}`);
    expect(JSON.parse(qindesk("credit", withBom, "--json").stdout)).toMatchObject({ score: 2 });
  });
});

describe("qindesk credit FILE (readable)", () => {
  it("shows the score, the level with its symbol, the counts and the notable trades", () => {
    const { code, stdout } = qindesk("credit", `${fixtures}/all-rules.json`);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("score 8, ♥ heart 1 (level 1)");
    expect(stdout).toMatch(/^ +10 {2}buyer ratings counted$/m); // 9 goods/bads and the neutral b7
    expect(stdout).toMatch(/^ +1 {2}default goods$/m);
    expect(stdout).toMatch(/^ +3 {2}same item within the window: counted once$/m);
    expect(stdout).toMatch(/^ +1 {2}past the monthly cap$/m);
    expect(stdout).toMatch(/^ +2 {2}not counted \(not a successful escrow trade\)$/m);
    expect(stdout).toMatch(/^a10 +0 {2}good rating; monthly cap of 6 reached for this buyer in 2026-03$/m);
    expect(stdout).not.toMatch(/^c1 /m); // "no rating" with 0 points is not worth a row
  });

  it("says when a shop has no level yet", () => {
    expect(qindesk("credit", `${fixtures}/public-example.json`).stdout.split("\n")[0]).toBe("score 2, no level yet (4 points earn the first heart)");
  });
});

describe("qindesk credit on bad input", () => {
  it.each([
    ["bad-json.json", /^qindesk credit: .*bad-json\.json is not valid JSON: .+$/],
    ["bad-rating.json", /^qindesk credit: .*bad-rating\.json: trade t7: unknown buyerRating "great" \(expected good, neutral, bad or null\)$/],
    ["bad-time.json", /^qindesk credit: .*bad-time\.json: trade t3: createdAt "yesterday" is not an ISO 8601 time with an offset$/],
    ["bad-timezone.json", /^qindesk credit: .*bad-timezone\.json: settings\.timezone "Mars\/X" is not an IANA time zone$/],
    ["duplicate-id.json", /^qindesk credit: .*duplicate-id\.json: trade t1: duplicate id \(trades\[0\] and trades\[1\]\)$/],
    ["no-such-file.json", /^qindesk credit: cannot read .*no-such-file\.json: no such file$/],
  ])("%s: exit 1 and one line naming the problem", (name, message) => {
    const { code, stdout, stderr } = qindesk("credit", `${fixtures}/${name}`, "--json");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trimEnd()).not.toContain("\n");
    expect(stderr.trimEnd()).toMatch(message);
  });

  it("exits 2 with the usage when FILE is missing", () => {
    const { code, stderr } = qindesk("credit", "--json");
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("qindesk credit: expected one FILE (usage: qindesk credit FILE [--json])");
  });
});
