/**
 * Local HTTP servers that misbehave the way real networks do: one that never answers, one that answers a
 * fixed status and body (5xx, garbage, an unsigned refusal), and a relay in front of the real server that
 * rewrites its signed answers (altered, re-signed with another key, replayed).
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type SigningKey, signResponses } from "@ninsho/core";

export interface FakeServer {
  readonly url: string;
  /** Requests received so far. */
  requests(): number;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void | Promise<void>;

async function serve(handler: Handler): Promise<FakeServer> {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => void handler(request, Buffer.concat(chunks).toString("utf8"), response));
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Accepts connections and requests, and never answers. */
export const hangingServer = () => serve(() => undefined);

/** Answers every request with `status` and `body`. */
export const fixedServer = (
  status: number,
  body: string,
  contentType = "application/json",
  headers: Record<string, string> = {},
) =>
  serve((_request, _body, response) => {
    response.writeHead(status, { "content-type": contentType, ...headers });
    response.end(body);
  });

/** What a relay does to an answer: return a new JSON body (or raw text). */
export type Rewrite = (answer: Record<string, unknown>, request: Record<string, unknown>) => unknown;

/** Forwards each request to `target` and rewrites the JSON answer before the client sees it. */
export const relayServer = (target: () => string, rewrite: Rewrite) =>
  serve(async (request, body, response) => {
    const upstream = await fetch(`${target()}${request.url ?? "/"}`, {
      method: request.method ?? "GET",
      headers: { "content-type": "application/json" },
      ...(request.method === "POST" ? { body } : {}),
    });
    const answer = (await upstream.json()) as Record<string, unknown>;
    const rewritten = rewrite(answer, JSON.parse(body || "{}") as Record<string, unknown>);
    response.writeHead(upstream.status, { "content-type": "application/json" });
    response.end(typeof rewritten === "string" ? rewritten : JSON.stringify(rewritten));
  });

/** A signing key the product never published, under the given kid (e.g. the real key's, to impersonate it). */
export function foreignKey(kid: string): SigningKey {
  return { kid, privateKey: generateKeyPairSync("ed25519").privateKey };
}

/** Sign an answer again with `key`: a well-formed signature that the product's public key rejects. */
export function resign(answer: Record<string, unknown>, key: SigningKey): Record<string, unknown> {
  const { signature: _dropped, ...body } = answer;
  const [signature] = signResponses(key, [body]);
  return { ...body, signature };
}
