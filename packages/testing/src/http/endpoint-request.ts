import type { FakeOperation } from './api-routes';
import type { BodyEncoding } from './request-validation';

/** A request that passed authentication, as an endpoint of the fake sees it. */
export interface EndpointRequest {
  operation: FakeOperation;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  encoding: BodyEncoding;
}
