import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe as catalogue } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STACK_LINE, spawnPiped } from "../terminal/support.js";

let holder: Server;
let port: number;
let data: string;
beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), "ninsho-busy-port-"));
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

describe("`ninsho serve` on a port another program holds", () => {
  it("says which port is busy and how to choose another, with its code, exit 2, no stack trace", async () => {
    const run = await spawnPiped(["serve", "--port", String(port), "--data", join(data, "en")], {
      LANG: "en_US.UTF-8",
    });
    const text = catalogue("PORT_IN_USE", "en", {
      port: String(port),
      host: "127.0.0.1",
      next: String(port + 1),
    });
    expect(run.stderr).toBe(`ninsho serve: ${text.message} (PORT_IN_USE)\n  ${text.remedy}\n`);
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1`);
    expect(run.stderr).toContain(`--port ${port + 1}`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.code).toBe(2);
  });

  it("in Japanese when the environment says so", async () => {
    const run = await spawnPiped(["serve", "--port", String(port), "--data", join(data, "ja")], {
      LANG: "ja_JP.UTF-8",
    });
    const text = catalogue("PORT_IN_USE", "ja", {
      port: String(port),
      host: "127.0.0.1",
      next: String(port + 1),
    });
    expect(run.stderr).toBe(`ninsho serve: ${text.message} (PORT_IN_USE)\n  ${text.remedy}\n`);
    expect(run.code).toBe(2);
  });
});
