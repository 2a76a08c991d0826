// argon2id hashes. Verifying against a fixed dummy hash when the account is unknown
// keeps "unknown email" and "wrong password" equally slow.
import { hash, verify } from "@node-rs/argon2";

let dummyHash: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash("qindesk-timing-equaliser");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export const MIN_PASSWORD_LENGTH = 8;
