/** An internal error: logged with its reference, answered without a stack (error-catalogue.happy has every code). */
import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { machine } from "./support/fingerprints.js";
import type { Answer } from "./support/http.js";
import { useServers } from "./support/server.js";

/** The code an answer carries: an error's, or the problem of a signed `valid: false` verdict. */
function codeOf(res: Answer): { code: string; message: string; remedy: string } | undefined {
  const body = res.body as {
    error?: { code: string; message: string; remedy: string };
    problem?: { code: string; message: string; remedy: string };
  };
  return body.error ?? body.problem;
}

describe("error catalogue", () => {
  const servers = useServers("all");
  describe("security", () => {
    it("an internal error is logged with its reference, and its answer carries no stack", async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const broken = await servers.start({ logger: pino({ level: "error" }, sink) });
      const key = (await broken.catalogue()).key;
      await broken.store.close();
      const res = await broken.activate(key, machine("m"));
      expect(res.status).toBe(500);
      const error = codeOf(res);
      const requestId = res.headers.get("x-request-id") ?? "";
      expect(error?.message).toContain(requestId);
      expect(Object.keys(res.body)).toEqual(["error"]);
      expect(Object.keys((res.body as { error: object }).error).sort()).toEqual([
        "code",
        "docs",
        "message",
        "remedy",
      ]);
      expect(res.text).not.toMatch(/stack|\n\s+at |Error:|destroyed|sqlite|kysely/i);
      const logged = lines.map(
        (line) => JSON.parse(line) as { requestId?: string; err?: { stack?: string } },
      );
      expect(logged.some((entry) => entry.requestId === requestId && entry.err?.stack !== undefined)).toBe(
        true,
      );
    });
  });
});
