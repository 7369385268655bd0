import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { parseRoute, type Route } from './url-state';

// A tiny history router: the location is the store; navigation pushes and notifies.
const listeners = new Set<() => void>();
let cached: { key: string; route: Route } | null = null;

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
  };
}

function snapshot(): Route {
  const key = window.location.pathname + window.location.search;
  if (cached === null || cached.key !== key) {
    cached = { key, route: parseRoute(window.location.pathname, window.location.search) };
  }
  return cached.route;
}

export function navigate(href: string, opts: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (href === current) return;
  if (opts.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  const samePage = new URL(href, window.location.origin).pathname === window.location.pathname;
  if (!samePage) window.scrollTo(0, 0);
  for (const fn of listeners) fn();
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Sets or removes query parameters of the current page. */
export function useSetParams(): (patch: Record<string, string | null | undefined>, opts?: { replace?: boolean }) => void {
  return useCallback((patch, opts) => {
    const params = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') params.delete(k);
      else params.set(k, v);
    }
    params.sort();
    const qs = params.toString();
    navigate(`${window.location.pathname}${qs ? `?${qs}` : ''}`, opts);
  }, []);
}

export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ReactNode }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a {...rest} href={href} onClick={onClick}>
      {children}
    </a>
  );
}
