import type { html } from "hono/html";

/** What `html` returns: escaped markup, possibly still resolving. */
export type Markup = ReturnType<typeof html>;
