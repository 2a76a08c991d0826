// Settings come from the environment (CONTRACTS §1) and are read once, in one place,
// so a typo in a variable fails at start with a clear message instead of at first use.
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  demo: boolean;
  /** Trust X-Forwarded-For only when QinDesk runs behind a proxy the operator names. */
  trustProxy: boolean | string;
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
  logLevel: string;
  /** Optional reply drafting by an OpenAI-compatible model; off unless QINDESK_LLM_URL is set. */
  llm: LlmConfig | null;
}

export interface LlmConfig {
  /** Base URL of the API, e.g. http://127.0.0.1:8000/v1 (POST {url}/chat/completions). */
  url: string;
  model: string;
  key: string | null;
}

function llmFrom(env: NodeJS.ProcessEnv): LlmConfig | null {
  const url = env.QINDESK_LLM_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) throw new ConfigError("QINDESK_LLM_URL must be an http(s):// URL");
  const model = env.QINDESK_LLM_MODEL?.trim();
  if (!model) throw new ConfigError("QINDESK_LLM_MODEL must name the model when QINDESK_LLM_URL is set");
  return { url: url.replace(/\/+$/, ""), model, key: env.QINDESK_LLM_KEY?.trim() || null };
}

export class ConfigError extends Error {}

function portFrom(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${value}"`);
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL must be a postgres:// URL");
  }
  const trust = env.QINDESK_TRUST_PROXY?.trim();
  return {
    port: portFrom(env.PORT),
    host: env.HOST?.trim() || "127.0.0.1",
    dataDir: path.resolve(env.QINDESK_DATA_DIR?.trim() || "data"),
    databaseUrl,
    redisUrl: env.REDIS_URL?.trim() || null,
    demo: env.QINDESK_DEMO !== "0",
    trustProxy: !trust || trust === "0" || trust === "false" ? false : trust === "1" || trust === "true" ? true : trust,
    secureCookies: env.QINDESK_SECURE_COOKIES === "1",
    logLevel: env.LOG_LEVEL?.trim() || "info",
    llm: llmFrom(env),
  };
}
