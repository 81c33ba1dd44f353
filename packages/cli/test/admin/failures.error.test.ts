import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe as catalogueText } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, spawnCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
let work: string;
beforeAll(async () => {
  server = await startTestServer();
  work = await mkdtemp(join(tmpdir(), "ninsho-errors-"));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** A server that answers every request with `handler`, for faults the real server does not make. */
async function withStub<T>(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const stub: Server = createServer(handler);
  await new Promise<void>((ready) => stub.listen(0, "127.0.0.1", ready));
  const { port } = stub.address() as AddressInfo;
  try {
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    stub.closeAllConnections();
    await new Promise<void>((done) => stub.close(() => done()));
  }
}

describe("errors of the built binary", () => {
  it("prints the API's code, message, remedy and docs, and exits 3 on a refusal", async () => {
    const run = await spawnCli(["products", "show", "prd_nope"], server.env);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "Error PRODUCT_NOT_FOUND: No product prd_nope exists.",
        "What to do: List products to find the right id.",
        `Docs: ${server.url}/docs/errors#PRODUCT_NOT_FOUND`,
        "",
      ].join("\n"),
    );
  });

  it("speaks Japanese when LANG says so, asking the API in Japanese too", async () => {
    const run = await spawnCli(["products", "show", "prd_nope"], { ...server.env, LANG: "ja_JP.UTF-8" });
    expect(run.code).toBe(3);
    const text = catalogueText("PRODUCT_NOT_FOUND", "ja", { productId: "prd_nope" });
    expect(run.stderr).toContain(`エラー PRODUCT_NOT_FOUND: ${text.message}`);
    expect(run.stderr).toContain(`対処: ${text.remedy}`);
  });

  it("exits 2 on a usage error, before any request", async () => {
    const unknown = await spawnCli(["products", "list", "--bogus"], server.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "Error USAGE_UNKNOWN_OPTION: ninsho products list has no option --bogus.",
    );
    const noToken = await spawnCli(["products", "list"], { NINSHO_URL: server.url });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("Error NO_TOKEN");
    const help = await spawnCli(["keys", "generate", "--help"], server.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes:");
  });

  it("stops with exit 1 when the reader of the CSV on stdout goes away", async () => {
    const policyId = server.server.seeded?.policyId ?? "";
    const bin = new URL("../../bin/ninsho.js", import.meta.url).pathname;
    const child = spawn(
      process.execPath,
      [bin, "keys", "generate", "--policy", policyId, "--count", "20000"],
      {
        env: { PATH: process.env.PATH ?? "", ...server.env },
      },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(code).toBe(1);
    expect(stderr).toContain("Error STDOUT_FAILED");
  });

  it("exits 4 when the server cannot be reached", async () => {
    const closed = await withStub(
      () => {},
      async (url) => url,
    );
    const run = await spawnCli(["whoami", "--url", closed], { NINSHO_TOKEN: server.token });
    expect(run.code).toBe(4);
    const text = catalogueText("SERVER_UNREACHABLE", "en", { url: closed });
    expect(run.stderr).toContain(`Error SERVER_UNREACHABLE: ${text.message}\nWhat to do: ${text.remedy}\n`);
    // The cause, for scripts and bug reports, is in the JSON error's details.
    const json = await spawnCli(["whoami", "--url", closed, "--json"], { NINSHO_TOKEN: server.token });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: "SERVER_UNREACHABLE", ...text, details: { cause: "ECONNREFUSED" } },
    });
  });
});

describe("errors in JSON and from faulty servers", () => {
  it("prints the error as JSON on stderr with --json, leaving stdout empty", async () => {
    const run = await runCli(["policies", "show", "pol_nope", "--json"], server.env);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(JSON.parse(run.stderr)).toMatchObject({
      error: { code: "POLICY_NOT_FOUND", message: "No policy pol_nope exists." },
    });
  });

  it("exits 5 on a server error, or an answer that is not the API's", async () => {
    const failing = await withStub(
      (_request, response) => {
        response.writeHead(503, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            error: { code: "SERVICE_UNAVAILABLE", message: "Down.", remedy: "Wait.", docs: "/docs/errors" },
          }),
        );
      },
      (url) => runCli(["whoami", "--url", url], server.env),
    );
    expect(failing.code).toBe(5);
    expect(failing.stderr).toContain("Error SERVICE_UNAVAILABLE: Down.");

    const html = await withStub(
      (_request, response) => response.end("<html>hello</html>"),
      (url) => runCli(["whoami", "--url", url], server.env),
    );
    expect(html.code).toBe(5);
    expect(html.stderr).toContain(
      `Error RESPONSE_INVALID: ${catalogueText("RESPONSE_INVALID", "en").message}`,
    );

    // JSON of the wrong shape is not trusted either: the answer is checked against the route's schema.
    const wrongShape = await withStub(
      (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ tokenId: 42, role: "root" }));
      },
      (url) => runCli(["whoami", "--url", url, "--json"], server.env),
    );
    expect(wrongShape.code).toBe(5);
    expect(wrongShape.stdout).toBe("");
    expect(JSON.parse(wrongShape.stderr)).toMatchObject({
      error: { code: "RESPONSE_INVALID", details: { status: 200 } },
    });

    const proxy404 = await withStub(
      (_request, response) => response.writeHead(404).end("not here"),
      (url) => runCli(["whoami", "--url", url], { ...server.env, LANG: "ja_JP.UTF-8" }),
    );
    expect(proxy404.code).toBe(3);
    const ja = catalogueText("RESPONSE_INVALID", "ja");
    expect(proxy404.stderr).toContain(`エラー RESPONSE_INVALID: ${ja.message}\n対処: ${ja.remedy}\n`);

    const proxy502 = await withStub(
      (_request, response) => response.writeHead(502).end("bad gateway"),
      (url) => runCli(["whoami", "--url", url, "--json"], server.env),
    );
    expect(proxy502.code).toBe(5);
    expect(JSON.parse(proxy502.stderr)).toMatchObject({
      error: { code: "RESPONSE_INVALID", details: { status: 502 } },
    });
  });

  it("keeps the complete lines when a key stream breaks (exit 4), and notices a short one (exit 5)", async () => {
    const header = "license_id,key,policy_id,created_at\n";
    const row = (n: number) => `lic_${n},BCDFG-BCDFG-BCDFG-BCDFG-BCDFG,pol_x,2026-01-01T00:00:00.000Z\n`;
    const broken = join(work, "broken.csv");
    const brokenRun = await withStub(
      (_request, response) => {
        response.writeHead(200, { "content-type": "text/csv", "x-ninsho-key-count": "5" });
        response.write(`${header}${row(1)}${row(2)}lic_3,BCD`, () => response.socket?.destroy());
      },
      (url) =>
        runCli(
          ["keys", "generate", "--policy", "pol_x", "--count", "5", "--out", broken, "--url", url],
          server.env,
        ),
    );
    expect(brokenRun.code).toBe(4);
    expect(brokenRun.stderr).toContain(
      "Error STREAM_BROKEN: The connection broke after 2 keys were received.",
    );
    expect(await readFile(broken, "utf8")).toBe(`${header}${row(1)}${row(2)}`);

    const short = join(work, "short.csv");
    const shortRun = await withStub(
      (_request, response) => {
        response.writeHead(200, { "content-type": "text/csv" });
        response.end(`${header}${row(1)}${row(2)}`);
      },
      (url) =>
        runCli(
          ["keys", "generate", "--policy", "pol_x", "--count", "5", "--out", short, "--url", url],
          server.env,
        ),
    );
    expect(shortRun.code).toBe(5);
    expect(shortRun.stderr).toContain("Error STREAM_SHORT: The server sent 2 keys of the 5 asked for.");
  });
});
