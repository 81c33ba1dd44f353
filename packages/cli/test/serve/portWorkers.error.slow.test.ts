/**
 * `ninsho serve --workers 2` (node:cluster, PostgreSQL) on a port another program holds: the workers cannot
 * listen, and the command says so as a single process does (PORT_IN_USE, exit 2), in the operator's language.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe as catalogue } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, skipPostgres } from "../../../../testing/postgres.js";
import { STACK_LINE, spawnPiped } from "../terminal/support.js";

let holder: Server;
let port: number;
let data: string;
beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), "ninsho-busy-port-workers-"));
  holder = createServer();
  await new Promise<void>((ready) => holder.listen(0, "127.0.0.1", ready));
  const address = holder.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  port = address.port;
});
afterAll(async () => {
  await new Promise<void>((done) => holder.close(() => done()));
  rmSync(data, { recursive: true, force: true });
});

describe.skipIf(skipPostgres)("`ninsho serve --workers 2` on a port another program holds", () => {
  let database: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    database = await createPostgresDatabase("ninsho_cli_port");
  });
  afterAll(() => database.drop());

  it.each(["en", "ja"] as const)(
    "says which port and how to choose another, as one process does (%s)",
    async (locale) => {
      const run = await spawnPiped(
        ["serve", "--workers", "2", "--port", String(port), "--data", join(data, `workers-${locale}`)],
        { LANG: locale === "ja" ? "ja_JP.UTF-8" : "en_US.UTF-8", DATABASE_URL: database.url },
      );
      const text = catalogue("PORT_IN_USE", locale, {
        port: String(port),
        host: "127.0.0.1",
        next: String(port + 1),
      });
      expect(run.stderr).toContain(`ninsho serve: ${text.message} (PORT_IN_USE)\n  ${text.remedy}\n`);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.code).toBe(2);
    },
  );
});
