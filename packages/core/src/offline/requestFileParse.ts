import { reason } from "../errors/reasons.js";
import { fail, ok, type Result } from "../result.js";
import { fromBase64Url, isBase64Url } from "../signing/base64url.js";
import { dayStart, MAX_OFFLINE_DAY, OFFLINE_EPOCH_MS } from "./days.js";
import { isX25519PublicJwk, type X25519PublicJwk } from "./jwe.js";
import { SHORT_ID_BITS } from "./keyDerived.js";
import { OFFLINE_REQUEST_FORMAT, OFFLINE_REQUEST_VERSION, type OfflineRequest } from "./requestFile.js";

/** Which field of a request file is wrong, and how. */
export interface OfflineFileIssue {
  readonly field: string;
  readonly problem: "not-json" | "missing" | "type" | "value" | "unknown" | "unsupported";
}

class Invalid extends Error {
  constructor(readonly issue: OfflineFileIssue) {
    super(`${issue.field}: ${issue.problem}`);
  }
}

const refuse = (field: string, problem: OfflineFileIssue["problem"]): never => {
  throw new Invalid({ field, problem });
};

type Obj = Record<string, unknown>;

function object(value: unknown, field: string, allowed: readonly string[]): Obj {
  if (value === undefined) return refuse(field, "missing");
  if (value === null || typeof value !== "object" || Array.isArray(value)) return refuse(field, "type");
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  if (extra !== undefined) refuse(field === "" ? extra : `${field}.${extra}`, "unknown");
  return value as Obj;
}

function text(o: Obj, key: string, at: string, pattern: RegExp): string {
  const field = at === "" ? key : `${at}.${key}`;
  const value = o[key];
  if (value === undefined) return refuse(field, "missing");
  if (typeof value !== "string") return refuse(field, "type");
  return pattern.test(value) ? value : refuse(field, "value");
}

const KIND = /^[a-z][a-z0-9-]{0,31}$/;
const DIGEST = /^[0-9a-fA-F]{16,128}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function componentSet(value: unknown, at: string, allowPrevious: boolean) {
  const o = object(
    value,
    at,
    allowPrevious ? ["collector", "components", "previous"] : ["collector", "components"],
  );
  const collector = text(o, "collector", at, /^[^\uD800-\uDFFF]{1,64}$/su);
  const list = o.components;
  if (!Array.isArray(list)) return refuse(`${at}.components`, list === undefined ? "missing" : "type");
  if (list.length < 1 || list.length > 64) refuse(`${at}.components`, "value");
  const components = list.map((c, i) => {
    const co = object(c, `${at}.components.${i}`, ["kind", "digest"]);
    return {
      kind: text(co, "kind", `${at}.components.${i}`, KIND),
      digest: text(co, "digest", `${at}.components.${i}`, DIGEST),
    };
  });
  return { o, collector, components };
}

function parseRequest(json: unknown): OfflineRequest {
  const allowed = [
    "format",
    "version",
    "productId",
    "licenseShortId",
    "device",
    "fingerprint",
    "createdAt",
    "nonce",
    "encryptTo",
    "proof",
  ];
  const root = object(json, "", allowed);
  if (root.format !== OFFLINE_REQUEST_FORMAT)
    refuse("format", root.format === undefined ? "missing" : "value");
  if (root.version !== OFFLINE_REQUEST_VERSION)
    refuse("version", root.version === undefined ? "missing" : "unsupported");
  const productId = text(root, "productId", "", /^prd_[0-9A-Za-z]{1,64}$/);
  const shortId = root.licenseShortId;
  if (shortId === undefined) refuse("licenseShortId", "missing");
  if (typeof shortId !== "number") return refuse("licenseShortId", "type");
  if (!Number.isInteger(shortId) || shortId < 0 || shortId >= 2 ** SHORT_ID_BITS)
    refuse("licenseShortId", "value");
  const deviceObject = object(root.device, "device", ["name", "platform"]);
  const device = {
    name: text(deviceObject, "name", "device", /^[^\uD800-\uDFFF]{1,128}$/su),
    platform: text(deviceObject, "platform", "device", /^[^\uD800-\uDFFF]{1,32}$/su),
  };
  const current = componentSet(root.fingerprint, "fingerprint", true);
  let previous: { collector: string; components: { kind: string; digest: string }[] }[] | undefined;
  if (current.o.previous !== undefined) {
    if (!Array.isArray(current.o.previous)) return refuse("fingerprint.previous", "type");
    if (current.o.previous.length > 4) refuse("fingerprint.previous", "value");
    previous = current.o.previous.map((set, i) => {
      const read = componentSet(set, `fingerprint.previous.${i}`, false);
      return { collector: read.collector, components: read.components };
    });
  }
  const createdAt = text(root, "createdAt", "", ISO);
  // Outside the offline day range (2024-01-01 … 2203) no day number exists to age the request by: refused
  // here as a wrong value, never thrown further on.
  const createdMs = Date.parse(createdAt);
  if (
    !Number.isFinite(createdMs) ||
    createdMs < OFFLINE_EPOCH_MS ||
    createdMs >= dayStart(MAX_OFFLINE_DAY + 1).getTime()
  )
    refuse("createdAt", "value");
  const nonce = text(root, "nonce", "", /^[A-Za-z0-9_-]{16,128}$/);
  let encryptTo: X25519PublicJwk | undefined;
  if (root.encryptTo !== undefined) {
    const jwk = object(root.encryptTo, "encryptTo", ["kty", "crv", "x"]);
    encryptTo = { kty: "OKP", crv: "X25519", x: text(jwk, "x", "encryptTo", /^[A-Za-z0-9_-]{43}$/) };
    if (jwk.kty !== "OKP" || jwk.crv !== "X25519" || !isX25519PublicJwk(encryptTo))
      refuse("encryptTo", "value");
  }
  const proof = text(root, "proof", "", /^[A-Za-z0-9_-]{43}$/);
  if (!isBase64Url(proof) || fromBase64Url(proof).length !== 32) refuse("proof", "value");
  return {
    format: OFFLINE_REQUEST_FORMAT,
    version: OFFLINE_REQUEST_VERSION,
    productId,
    licenseShortId: shortId,
    device,
    fingerprint: {
      collector: current.collector,
      components: current.components,
      ...(previous === undefined ? {} : { previous }),
    },
    createdAt,
    nonce,
    ...(encryptTo === undefined ? {} : { encryptTo }),
    proof,
  };
}

/**
 * Read a request file's text (or its parsed JSON). Anything off is OFFLINE_FILE_INVALID naming the field at
 * fault (`details.field`, e.g. `fingerprint.components.3.digest`). The proof is checked by the server.
 * @example
 * const read = parseOfflineRequest(readFileSync("activation-request.json", "utf8"));
 */
export function parseOfflineRequest(input: string | unknown): Result<OfflineRequest> {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch {
      json = undefined;
    }
  }
  try {
    if (json === undefined || json === null || typeof json !== "object" || Array.isArray(json))
      refuse("(file)", "not-json");
    return ok(parseRequest(json));
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const { field, problem } = error.issue;
    const why =
      problem === "not-json" ? reason("REQUEST_NOT_JSON") : reason("REQUEST_FIELD", { field, problem });
    return fail("OFFLINE_FILE_INVALID", { reason: why }, error.issue);
  }
}
