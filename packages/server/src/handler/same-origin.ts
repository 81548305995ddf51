/**
 * Whether a write may be trusted not to be a cross-site request forgery:
 * - its `Origin` is one of `allowedOrigins` (a front end on another origin the host trusts); otherwise
 * - when the browser sent `Sec-Fetch-Site`, it says `same-origin` (browsers compute it; a page cannot forge it);
 * - else its `Origin` equals the request's own origin.
 * A request with neither header (not from a browser that could be tricked) is refused too: fail closed.
 */
export function isSameOriginOrAllowed(request: Request, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null && allowedOrigins.has(origin)) return true;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  return origin !== null && origin === new URL(request.url).origin;
}
