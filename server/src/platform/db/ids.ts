// Ids are made in code (PostgreSQL 15 lacks uuidv7): a readable prefix, a time part so
// new rows sort last in indexes, and 80 random bits.
import { randomBytes } from "node:crypto";

export function newId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = BigInt("0x" + randomBytes(10).toString("hex")).toString(36).padStart(16, "0");
  return `${prefix}_${time}${random}`;
}
