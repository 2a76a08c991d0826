// Ids are made in code (PostgreSQL 15 lacks uuidv7): a readable prefix, a time part so
// new rows sort last in indexes, and 80 random bits.
import { randomFillSync } from "node:crypto";

// Random bytes are drawn 4 KB at a time: one system call per ~400 ids instead of one
// each (an import makes hundreds of thousands; bench/import.ts showed 6 % of its time
// in randomBytes).
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

function random80(): bigint {
  if (offset + 10 > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const high = POOL.readUInt16BE(offset);
  const low = POOL.readBigUInt64BE(offset + 2);
  offset += 10;
  return (BigInt(high) << 64n) | low;
}

export function newId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, "0");
  return `${prefix}_${time}${random80().toString(36).padStart(16, "0")}`;
}
