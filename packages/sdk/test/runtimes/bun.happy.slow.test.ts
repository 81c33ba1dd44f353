/**
 * "Works in Node, Electron and Bun": the same small app (bun-app.ts: install a key, activate, validate offline
 * from the lease) runs under Bun against a live server. Bun comes from the `bun` devDependency (its binary is in
 * a registry package); where it is not installed the test says so and skips.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The Bun binary of the devDependency: npm installs this platform's `@oven/bun-<os>-<arch>` package (the
 * `bun` package's own `bin/bun.exe` is a placeholder until its postinstall runs).
 */
function bunBinary(): string | undefined {
  const require = createRequire(import.meta.url);
  const os = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "arm64" ? "aarch64" : process.arch;
  for (const name of [`@oven/bun-${os}-${arch}`, `@oven/bun-${os}-${arch}-baseline`]) {
    try {
      const bin = join(
        dirname(require.resolve(`${name}/package.json`)),
        "bin",
        os === "windows" ? "bun.exe" : "bun",
      );
      if (existsSync(bin) && spawnSync(bin, ["--version"]).status === 0) return bin;
    } catch {
      // not installed for this platform
    }
  }
  return undefined;
}

const bun = bunBinary();
if (!bun)
  console.warn("runtimes.test: Bun is not installed here (npm package `bun`); the Bun run is skipped.");

describe.skipIf(!bun)("the SDK under Bun", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("installs a key, activates and validates offline from its lease", async () => {
    const { key } = await server.newLicense();
    // The sources, as the other tests use them (Bun runs TypeScript itself).
    // Asynchronously: the live server runs in this process and must keep answering meanwhile.
    const run = await promisify(execFile)(
      bun ?? "bun",
      ["--conditions=ninsho-source", join(here, "bun-app.ts")],
      {
        env: {
          ...process.env,
          NINSHO_URL: server.url,
          NINSHO_PRODUCT: server.productId,
          NINSHO_JWKS: JSON.stringify(server.jwks),
          NINSHO_KEY: key,
        },
        encoding: "utf8",
      },
    );
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout.trim())).toEqual({
      runtime: "bun",
      installed: true,
      activated: true,
      state: "active",
      valid: true,
    });
  });
});
