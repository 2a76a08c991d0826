// Streams an interchange file record by record. A file of millions of lines is
// never held in memory: readline hands over one line at a time and its async
// iterator pauses the input while the consumer (the database import) is busy.
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream";
import { InterchangeError } from "./errors";
import { parseInterchangeLine } from "./parse";
import type { InterchangeRecord } from "./records";
import { StrictUtf8Decoder } from "./utf8";

export interface InterchangeLine {
  /** 1-based line number in the file: for messages also their order in the file. */
  line: number;
  record: InterchangeRecord;
}

async function openFile(path: string): Promise<NodeJS.ReadableStream> {
  try {
    const handle = await open(path, "r");
    return handle.createReadStream();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? String(err));
    throw new InterchangeError(0, null, `cannot read ${path}: ${why}`);
  }
}

/**
 * The records of an interchange file (a path, or a stream such as stdin or an
 * upload), in file order, blank lines skipped. Throws InterchangeError naming
 * the line and the field at the first bad line; records before it have already
 * been yielded, so a caller that must not write partially wraps the whole
 * import in one transaction. `read.bytes` follows how much of the input has been taken in.
 */
export async function* readInterchange(input: NodeJS.ReadableStream | string, read?: { bytes: number }): AsyncGenerator<InterchangeLine> {
  const source = typeof input === "string" ? await openFile(input) : input;
  const decoded = new StrictUtf8Decoder();
  // pipeline forwards a read error of the source (EIO, a dropped upload) to the decoder, hence to readline.
  pipeline(source, decoded, () => {});
  const lines = createInterface({ input: decoded, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (read) read.bytes = decoded.bytesRead;
      const record = parseInterchangeLine(text, line);
      if (record) yield { line, record };
    }
  } catch (err) {
    if (err instanceof InterchangeError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new InterchangeError(line + 1, null, `cannot read: ${message.split("\n")[0]}`);
  } finally {
    lines.close();
    // Stop reading when the consumer stopped early or a line was bad.
    if (!decoded.destroyed) decoded.destroy();
    if (typeof input === "string") (source as { destroy?: () => void }).destroy?.();
  }
}
