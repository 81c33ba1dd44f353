/**
 * The two stores a server test can run on: a SQLite file, or a fresh PostgreSQL database per server (dropped
 * after the file). For `describe.each(backends)("… on $name", ({ name, skip }) => …)`.
 */
import { afterAll } from "vitest";
import { createPostgresDatabase, skipPostgres } from "./postgres.js";
import { type TestServer, useServers } from "./server.js";

export const backends = [
  { name: "sqlite", skip: false },
  { name: "postgres", skip: skipPostgres },
] as const;

export type BackendName = (typeof backends)[number]["name"];

/** Start test servers on `name`'s store, one database each; call inside a `describe`. */
export function useBackendServers(name: BackendName): () => Promise<TestServer> {
  const servers = useServers("each");
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });
  return async () => {
    if (name === "sqlite") return servers.start({ storage: "file" });
    const db = await createPostgresDatabase();
    drops.push(db.drop);
    return servers.start({ storage: { url: db.url } });
  };
}
