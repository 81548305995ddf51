import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServerAdapter, sendNodeResponse } from '@whatwg-node/server';
import type { OrgConnectionsHandler } from './create-org-connections-handler';
import { problemResponse } from './problem-response';

interface NodeServerContext {
  req: IncomingMessage;
  res: ServerResponse;
}

/** A `node:http` request listener; also an Express handler (`app.use(basePath, listener)`). */
export type OrgConnectionsNodeListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * The handler as a `node:http` listener (and Express middleware), through `@whatwg-node/server`'s
 * `createServerAdapter`. The request URL is the one the client sent (Express's `originalUrl`: a mount path stays
 * in it, so `basePath` matches). Two things Express may have done first are refused or undone:
 * - a body already parsed by `express.json()` cannot be checked (its duplicate keys are gone): 500, until the
 *   route is mounted before any body parser;
 * - `req.query`, which the adapter would copy over the URL's own query (joining repeated keys), is hidden, so the
 *   URL's query is the only one read.
 * `authorize` receives the Node request and response as `context.node.req` and `context.node.res`, with whatever
 * the host's middleware put on them (`req.user`, `req.session`, `req.auth`, `req.oidc`).
 * Nothing is logged: a response that cannot be written (the client went away) is dropped.
 */
export function toNodeListener(handler: OrgConnectionsHandler): OrgConnectionsNodeListener {
  // The server context is what `handleNodeRequestAndResponse` is given below: the Node request and response.
  const adapter = createServerAdapter<NodeServerContext>((request, { req, res }) =>
    handler(request, { node: { req, res } }),
  );
  return async (request, response) => {
    try {
      let answer: Response;
      if ((request as { body?: unknown }).body !== undefined) {
        answer = problemResponse({
          status: 500,
          errorCode: 'internal_error',
          message: 'The org-connections route must be mounted before any body parser.',
        });
      } else {
        if ('query' in request) Object.defineProperty(request, 'query', { value: undefined, configurable: true });
        answer = await adapter.handleNodeRequestAndResponse(request, response, { req: request, res: response });
      }
      await sendNodeResponse(answer, response, request, false);
    } catch {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  };
}
