import { describe, expect, it } from "vitest";
import { WAITING_COLORS, elapsedSince, formatElapsed, waitingColor, waitingLevel } from "./waiting-timer";

describe("waiting timer", () => {
  it("is normal under a minute, amber from 60 s, red from 5 minutes", () => {
    expect(waitingLevel(0)).toBe("normal");
    expect(waitingLevel(59_999)).toBe("normal");
    expect(waitingLevel(60_000)).toBe("warn");
    expect(waitingLevel(299_999)).toBe("warn");
    expect(waitingLevel(300_000)).toBe("danger");
  });
  it("colours by the time since waitingSince", () => {
    const since = "2026-05-01T10:00:00+08:00";
    const t0 = Date.parse(since);
    expect(waitingColor(since, t0 + 30_000)).toBe(WAITING_COLORS.normal);
    expect(waitingColor(since, t0 + 90_000)).toBe(WAITING_COLORS.warn);
    expect(waitingColor(since, t0 + 600_000)).toBe(WAITING_COLORS.danger);
    expect(new Set(Object.values(WAITING_COLORS)).size).toBe(3);
  });
  it("never counts negative time (clock skew) or garbage", () => {
    expect(elapsedSince("2026-05-01T10:00:00Z", Date.parse("2026-05-01T09:59:00Z"))).toBe(0);
    expect(elapsedSince("not a date", 1e12)).toBe(0);
  });
  it("formats as a clock", () => {
    expect(formatElapsed(7_000)).toBe("0:07");
    expect(formatElapsed(299_999)).toBe("4:59");
    expect(formatElapsed(3_723_000)).toBe("1:02:03");
  });
});
