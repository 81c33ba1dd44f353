/** Seat calls of the server tests: check-out, heartbeat and return through the app, and what they answered. */

import type { Fingerprint } from "./fingerprints.js";
import { type Answer, call, post, str } from "./http.js";
import type { TestServer } from "./server.js";

/** A seat as its holder keeps it after a check-out. */
export interface HeldSeat {
  readonly id: string;
  readonly secret: string;
  readonly lease: string;
  readonly expiresAt: string;
  readonly answer: Answer;
}

export const checkOutSeat = (
  t: TestServer,
  key: string,
  holder:
    | { readonly fingerprint: Fingerprint; readonly device?: { name: string; platform: string } }
    | { readonly workload: { id: string; kind?: string } },
  extra: Record<string, unknown> = {},
): Promise<Answer> => {
  const body =
    "workload" in holder
      ? { key, workload: holder.workload, ...extra }
      : {
          key,
          fingerprint: holder.fingerprint,
          device: holder.device ?? { name: "CAD-1", platform: "linux" },
          ...extra,
        };
  return post(t.app, "/v1/seats", body);
};

/** Check a seat out and insist it worked. */
export async function heldSeat(
  t: TestServer,
  key: string,
  holder: Parameters<typeof checkOutSeat>[2],
  extra: Record<string, unknown> = {},
): Promise<HeldSeat> {
  const answer = await checkOutSeat(t, key, holder, extra);
  if (answer.status !== 201) throw new Error(`check-out: ${answer.status} ${answer.text}`);
  return {
    id: str(answer.body, "seat.id"),
    secret: str(answer.body, "secret"),
    lease: str(answer.body, "lease"),
    expiresAt: str(answer.body, "seat.expiresAt"),
    answer,
  };
}

export const heartbeatSeat = (
  t: TestServer,
  id: string,
  secret: string | undefined,
  body: Record<string, unknown> = {},
) => call(t.app, "POST", `/v1/seats/${id}/heartbeats`, body, secretHeader(secret));

export const returnSeat = (t: TestServer, id: string, secret: string | undefined) =>
  call(t.app, "DELETE", `/v1/seats/${id}`, undefined, secretHeader(secret));

const secretHeader = (secret: string | undefined) =>
  secret === undefined ? {} : { headers: { authorization: `Bearer ${secret}` } };

/** A floating (or workload) catalogue: `seats` seats, a timeout, and any other policy fields. */
export const seatCatalogue = (t: TestServer, fields: Record<string, unknown>, count = 1) =>
  t.catalogue({ channel: "floating", seats: 2, heartbeatTimeoutSeconds: 60, ...fields }, count);
