/** `ninsho support-requests list|resolve` against a real server, in English, Japanese and JSON. */
import type { AuditList } from "@ninsho/contract";

interface SupportRequest {
  id: string;
  licenseId: string;
  status: string;
}
interface SupportRequestList {
  requests: SupportRequest[];
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
const OPEN = "sup_01JOPENXXXXXXXXXXXXXXXXXX";
const OTHER = "sup_01JOTHERXXXXXXXXXXXXXXXXX";

beforeAll(async () => {
  server = await startTestServer();
  // Requests as a spent transfer allowance opens them (the server's tests open them that way end to end).
  const store = server.server.deps.store;
  const licenseId = (await store.licenses.list())[0]?.id ?? "lic_missing";
  for (const [id, createdAt] of [
    [OPEN, "2026-03-01T10:00:00.000Z"],
    [OTHER, "2026-03-02T10:00:00.000Z"],
  ] as const) {
    await store.supportRequests.insert({
      id,
      licenseId,
      kind: "transfer_allowance",
      status: "open",
      context: { refusal: { code: "TRANSFER_ALLOWANCE_EXHAUSTED" } },
      createdAt,
    });
  }
});
afterAll(async () => {
  await server.close();
});

describe("ninsho support-requests", () => {
  it("lists the open requests with their refusal, then closes one with a reason the audit log keeps", async () => {
    const listed = await runCli(["support-requests", "list", "--status", "open"], server.env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ID\s+License\s+Status\s+Refusal\s+Created/);
    expect(listed.stdout).toContain(`${OPEN}`);
    expect(listed.stdout).toContain("TRANSFER_ALLOWANCE_EXHAUSTED");

    const resolved = await runCli(
      ["support-requests", "resolve", OPEN, "--reason", "moved by support after a board repair"],
      server.env,
    );
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain(`Support request ${OPEN}`);
    expect(resolved.stdout).toContain("is closed");

    const open = json<SupportRequestList>(
      await runCli(["support-requests", "list", "--status", "open", "--json"], server.env),
    );
    expect(open.requests.map((r) => r.id)).toEqual([OTHER]);
    const closed = json<SupportRequestList>(
      await runCli(["support-requests", "list", "--status", "closed", "--json"], server.env),
    );
    expect(closed.requests.map((r) => [r.id, r.status])).toEqual([[OPEN, "closed"]]);
    const audit = json<AuditList>(await runCli(["audit", "--target", OPEN, "--json"], server.env));
    expect(audit.entries).toMatchObject([
      { type: "support_request.resolved", reason: "moved by support after a board repair" },
    ]);
  });

  it("speaks Japanese and filters by license", async () => {
    const ja = { ...server.env, LANG: "ja_JP.UTF-8" };
    const any = json<SupportRequestList>(await runCli(["support-requests", "list", "--json"], server.env));
    const licenseId = any.requests[0]?.licenseId ?? "";
    const listed = await runCli(["support-requests", "list", "--license", licenseId], ja);
    expect(listed.stdout).toMatch(/ライセンス\s+状態\s+拒否の理由/);
    const resolved = json<SupportRequest>(
      await runCli(["support-requests", "resolve", OTHER, "--reason", "answered", "--json"], ja),
    );
    expect(resolved).toMatchObject({ id: OTHER, status: "closed" });
    const again = await runCli(["support-requests", "resolve", OTHER, "--reason", "again"], ja);
    expect(again.stdout).toContain(`サポート依頼 ${OTHER}`);
  });
});
