/**
 * `ninsho serve --trust-proxy`: a count of proxies or their ranges, the client read from the right of
 * X-Forwarded-For; a bare `--trust-proxy` (which trusted the hop the client writes) or one that names no
 * proxies is refused with a coded message, in the operator's language.
 */
import { generateProductKey } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { codeOf, send } from "./support/client.js";
import { assertBuilt, Processes } from "./support/processes.js";

const processes = new Processes();
beforeAll(() => assertBuilt());
afterAll(() => processes.stopAll());

const env = { DATABASE_URL: "", NINSHO_MASTER_KEY: "" };

describe("ninsho serve --trust-proxy", () => {
  it("--trust-proxy 1 reads the client from the right, so a forged left hop gains no allowance", async () => {
    const server = await processes.serve({ env, args: ["--trust-proxy", "1"] });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 22; i++) {
      const answer = await send(
        server.url,
        "/v1/activations",
        { key: generateProductKey(), fingerprint: machine("g"), device: { name: "g", platform: "linux" } },
        { headers: { "x-forwarded-for": `10.99.${i}.1, 203.0.113.30` } },
      );
      codes.push(codeOf(answer));
    }
    expect(codes.filter((code) => code === "KEY_NOT_FOUND")).toHaveLength(20);
    expect(codes.slice(20)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    // Another client behind the same proxy is not affected.
    const other = await send(
      server.url,
      "/v1/activations",
      { key: generateProductKey(), fingerprint: machine("h"), device: { name: "h", platform: "linux" } },
      { headers: { "x-forwarded-for": "203.0.113.31" } },
    );
    expect(codeOf(other)).toBe("KEY_NOT_FOUND");
  });

  it("refuses a bare --trust-proxy, and one that names no proxies, with a coded message", async () => {
    const bare = await processes.run(["serve", "--data", processes.folder(), "--trust-proxy"], env);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("(TRUST_PROXY_INVALID)");
    expect(bare.stderr).toContain("--trust-proxy 1");
    const word = await processes.run(["serve", "--data", processes.folder(), "--trust-proxy", "yes"], {
      ...env,
      LANG: "ja_JP.UTF-8",
    });
    expect(word.code).toBe(2);
    expect(word.stderr).toContain("プロキシの数");
    expect(word.stderr).toContain("(TRUST_PROXY_INVALID)");
  });
});
