/**
 * The token a mailed link carries in its fragment (`#token=…`). The fragment never reaches a server, so the
 * token is not in any access log or Referer; once read it is also taken out of the address bar and history.
 */
export function takeLinkToken(): string | undefined {
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
  if (window.location.hash !== "")
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  return token === "" ? undefined : token;
}
