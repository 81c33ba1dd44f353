/** Servers that misbehave in ways the real one does not: a fault stub, a rewriting proxy, a TLS server. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";

export interface Stub {
  readonly url: string;
  close(): Promise<void>;
}

async function listen(server: Server, host: string, scheme: "http" | "https", urlHost = host): Promise<Stub> {
  await new Promise<void>((ready) => server.listen(0, host, ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://${urlHost}:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** A server that answers every request with `handler`. */
export function stub(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Stub> {
  return listen(createServer(handler), "127.0.0.1", "http");
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((done) => {
    let body = "";
    request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    request.on("end", () => done(body));
  });

/**
 * A proxy to `target` that may rewrite answers (`rewrite(path, text)`), listening on `host` and reached at
 * `urlHost` (e.g. this machine's network address, so the URL is not a loopback one).
 */
export function proxy(
  target: string,
  rewrite: (path: string, text: string) => string = (_path, text) => text,
  host = "127.0.0.1",
  urlHost = host,
): Promise<Stub> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const answer = await fetch(`${target}${request.url ?? "/"}`, {
        method: request.method ?? "GET",
        headers: { "content-type": request.headers["content-type"] ?? "application/json" },
        ...(request.method === "GET" || request.method === "HEAD" ? {} : { body }),
      });
      const text = rewrite(request.url ?? "/", await answer.text());
      response.writeHead(answer.status, {
        "content-type": answer.headers.get("content-type") ?? "text/plain",
      });
      response.end(text);
    })().catch(() => {
      response.writeHead(502).end();
    });
  });
  return listen(server, host, "http", urlHost);
}

/** This machine's first non-loopback IPv4 address, if it has one. */
export function networkAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) if (entry.family === "IPv4" && !entry.internal) return entry.address;
  }
  return undefined;
}

/** Whether the `openssl` command is available (to make a self-signed certificate). */
export function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** An HTTPS server with a self-signed certificate, which no client trusts. */
export function selfSignedTls(): Promise<Stub> {
  const dir = mkdtempSync(join(tmpdir(), "ninsho-tls-"));
  const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const server = createTlsServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    },
  );
  return listen(server, "127.0.0.1", "https");
}
