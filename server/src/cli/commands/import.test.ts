// The import's progress bar on a terminal: the share of the file read and the records
// so far, redrawn in place, and wiped when the import ends.
import { describe, expect, it } from "vitest";
import { terminalProgress } from "./import";

function fakeTerminal(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe("terminalProgress", () => {
  it("draws the share of the file read and the records so far, on one line", () => {
    const { stream, written } = fakeTerminal();
    const bar = terminalProgress(stream);
    bar.progress(120_000, 0.5);
    bar.progress(120_001, 0.5); // within a tenth of a second: not redrawn
    bar.progress(240_000, 1); // the end is always drawn
    expect(written).toEqual([
      `\rimporting [${"#".repeat(15)}${".".repeat(15)}]  50% 120,000 records\x1b[K`,
      `\rimporting [${"#".repeat(30)}] 100% 240,000 records\x1b[K`,
    ]);
    bar.done();
    expect(written.at(-1)).toBe("\r\x1b[K");
  });

  it("counts records alone when the size of the input is unknown, and leaves nothing when nothing was drawn", () => {
    const { stream, written } = fakeTerminal();
    const bar = terminalProgress(stream);
    bar.done();
    expect(written).toEqual([]);
    bar.progress(5_000, null);
    expect(written).toEqual(["\rimporting 5,000 records\x1b[K"]);
  });
});
