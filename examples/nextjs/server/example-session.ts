import type { View } from '@org-connections/core';
import { organizationIdFrom } from './upstream';

export interface ExampleSession {
  actor: string;
  view: View;
  organizationId: string;
  organizationName: string;
}

/**
 * Stands in for the host's own login: a real app reads its session cookie here (next/headers `cookies()` in a server
 * component, `request.headers` in the route handler) and says who is asking. This example signs everyone in as the
 * host's staff, a tenant admin of one organization.
 */
export async function exampleSession(_request?: Request): Promise<ExampleSession> {
  return {
    actor: 'example|staff',
    view: 'tenant-admin',
    organizationId: organizationIdFrom(),
    organizationName: 'your customer’s organization',
  };
}
