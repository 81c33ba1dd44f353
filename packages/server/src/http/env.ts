import type { Locale, Role } from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";

/** What middleware puts on the request context for handlers to read. */
export interface AppEnv {
  Variables: {
    /** The reader's language, from Accept-Language. */
    locale: Locale;
    /** Set by Hono's language detector; read `locale` instead. */
    language: string;
    requestId: string;
    /** Set by the admin auth middleware. */
    principal: { readonly tokenId: string; readonly role: Role };
    /** The client's address (past the trusted proxies, see `clientAddress`). */
    clientIp: string;
    /** The group of addresses the client counts in for rate limits (an IPv6 /64 by default). */
    clientSource: string;
    /** Set by the session middleware of account routes: the signed-in account and its session's digest. */
    account: AccountRecord;
    sessionDigest: string;
  };
}
