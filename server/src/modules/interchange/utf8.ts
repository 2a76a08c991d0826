// Chinese shops' own exports are often GBK. Read as UTF-8 they turn into
// replacement characters without any error, and the mojibake would be imported
// as buyer names and chat text. This stream decodes strictly and names the line
// of the first bad byte instead.
import { Transform, type TransformCallback } from "node:stream";
import { InterchangeError } from "./errors";

const NEWLINE = 0x0a;
/** A single line longer than this is not a record but a broken file; stop before it fills memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export class StrictUtf8Decoder extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  /** Line breaks passed so far: the current line is this + 1. */
  private linesDone = 0;
  private bytesInLine = 0;
  /** Bytes taken in so far (for a progress bar). */
  bytesRead = 0;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: "utf8" });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesRead += chunk.length;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      done(new InterchangeError(this.lineOfBadByte(chunk), null, "not valid UTF-8 (the file must be saved as UTF-8)"));
      return;
    }
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE, from); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      const tooLong = this.checkLength(at - from);
      if (tooLong) return done(tooLong);
      this.linesDone += 1;
      this.bytesInLine = 0;
      from = at + 1;
    }
    const tooLong = this.checkLength(chunk.length - from);
    if (tooLong) return done(tooLong);
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.decoder.decode();
      done(null, rest);
    } catch {
      done(new InterchangeError(this.linesDone + 1, null, "not valid UTF-8 (the file ends inside a character)"));
    }
  }

  private checkLength(bytes: number): InterchangeError | null {
    this.bytesInLine += bytes;
    if (this.bytesInLine <= MAX_LINE_BYTES) return null;
    return new InterchangeError(this.linesDone + 1, null, `longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`);
  }

  /** Decoding the chunk failed: find the line by decoding it line by line on its own. */
  private lineOfBadByte(chunk: Buffer): number {
    // The chunk may start with the tail of a character begun in the previous chunk.
    let from = 0;
    while (from < 3 && from < chunk.length && (chunk[from] & 0xc0) === 0x80) from += 1;
    for (let line = this.linesDone + 1; ; line += 1) {
      const at = chunk.indexOf(NEWLINE, from);
      try {
        // The last piece may end inside a character that the next chunk completes.
        new TextDecoder("utf-8", { fatal: true }).decode(chunk.subarray(from, at === -1 ? chunk.length : at), {
          stream: at === -1,
        });
      } catch {
        return line;
      }
      if (at === -1) return this.linesDone + 1;
      from = at + 1;
    }
  }
}
