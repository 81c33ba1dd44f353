import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

/** The current path of the single-page app, following links and the back button. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const follow = () => setPath(location.pathname);
    addEventListener("popstate", follow);
    addEventListener("ninsho:navigate", follow);
    return () => {
      removeEventListener("popstate", follow);
      removeEventListener("ninsho:navigate", follow);
    };
  }, []);
  return path;
}

/**
 * Go to `path` inside the app without reloading, keeping `?lang=`.
 * @example
 * navigate("/console/licenses/lic_123");
 */
export function navigate(path: string): void {
  const url = new URL(path, location.href);
  const lang = new URL(location.href).searchParams.get("lang");
  if (lang !== null) url.searchParams.set("lang", lang);
  history.pushState(null, "", url.toString());
  dispatchEvent(new Event("ninsho:navigate"));
  // Keyboard and screen-reader users start at the new page's heading.
  requestAnimationFrame(() => document.getElementById("main")?.focus());
}

interface LinkProps {
  readonly href: string;
  readonly children: ComponentChildren;
  readonly current?: boolean;
  readonly class?: string;
}

/** A real link (it opens in a new tab, it can be copied) that stays in the app on a plain click. */
export function Link({ href, children, current, class: className }: LinkProps) {
  return (
    <a
      href={href}
      class={className}
      aria-current={current === true ? "page" : undefined}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
