import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the host's runtime knows of a request beyond the Fetch `Request`, passed to `authorize` as its second
 * argument. Through `toNodeListener` it carries the Node request and response (`context.node.req` and
 * `context.node.res`), so an Express app's session (`req.user`, `req.session`, `req.auth` from
 * `express-oauth2-jwt-bearer`, `req.oidc` from `express-openid-connect`) is at hand. Called as a Fetch handler
 * directly (a Next.js route handler), it is what the caller passed as the handler's second argument, or `{}`.
 */
export interface OrgConnectionsRequestContext {
  node?: {
    /** The Node request, with whatever the host's middleware put on it. */
    req: IncomingMessage;
    res: ServerResponse;
  };
  [key: string]: unknown;
}
