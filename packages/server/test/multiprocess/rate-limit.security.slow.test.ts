/**
 * Failed key lookups spread over two server processes count against one limit (20 per client a minute by
 * default): in PostgreSQL, and in Redis when the processes are given one.
 */
import { generateProductKey } from "@ninsho/core";
import { afterAll, describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { createPostgresDatabase, postgresRows, skipPostgres } from "../support/postgres.js";
import { dropRedisPrefix, REDIS_URL, skipRedis, uniqueRedisPrefix } from "../support/redis.js";
import { activate, codeOf } from "./support/client.js";
import { assertBuilt, Processes, sharedMasterKey } from "./support/processes.js";

const PER_CLIENT = 20;

interface Variant {
  readonly name: string;
  readonly skip: boolean;
  readonly redis: boolean;
}

const variants: Variant[] = [
  { name: "PostgreSQL", skip: skipPostgres, redis: false },
  { name: "Redis", skip: skipPostgres || skipRedis, redis: true },
];

describe.each(variants)("rate limits shared in $name", ({ skip, redis }) => {
  const processes = new Processes();
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await processes.stopAll();
    for (const cleanup of cleanups) await cleanup();
  });

  it.skipIf(skip)(
    "failed key lookups over two processes hit one limit",
    async () => {
      assertBuilt();
      const db = await createPostgresDatabase();
      cleanups.push(db.drop);
      const prefix = uniqueRedisPrefix();
      if (redis) cleanups.push(() => dropRedisPrefix(prefix));
      const env = {
        NINSHO_MASTER_KEY: sharedMasterKey(),
        ...(redis ? { NINSHO_REDIS_URL: REDIS_URL, NINSHO_REDIS_PREFIX: prefix } : {}),
      };
      const servers = await Promise.all([0, 1].map(() => processes.serve({ databaseUrl: db.url, env })));
      for (const server of servers) {
        expect(server.lines.join("\n")).toContain(`rate limits: ${redis ? "redis" : "postgres"}`);
      }
      const urls = servers.map((s) => s.url);
      for (let i = 0; i < PER_CLIENT; i++) {
        const answer = await activate(urls[i % 2] ?? "", generateProductKey(), machine("guesser"));
        expect(codeOf(answer), `guess ${i}`).toBe("KEY_NOT_FOUND");
      }
      for (const url of urls) {
        const limited = await activate(url, generateProductKey(), machine("guesser"));
        expect(limited.status).toBe(429);
        expect(codeOf(limited)).toBe("RATE_LIMITED");
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      }
      const counted = await postgresRows(db.url, "select key, points from rate_limits order by key");
      if (redis) expect(counted).toEqual([]);
      // Counted before answered: the two refused guesses are in the count too.
      else expect(counted).toContainEqual({ key: "k:c:127.0.0.1", points: PER_CLIENT + 2 });
    },
    90_000,
  );
});
