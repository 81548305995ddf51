import { capabilitiesFor } from './capabilities';
import type { OrgConnection, View } from './org-connection';
import { OrgConnectionsError } from './org-connections-error';

/** Whether `view` may see `connection` at all: an org admin never sees a `none` or unknown level. */
export function isVisibleTo(view: View, connection: OrgConnection): boolean {
  return capabilitiesFor({ view, accessLevel: connection.organizationAccessLevel, kind: connection.kind }).visible;
}

/** What reading a connection the view may not see answers: exactly what a missing one does, so nothing leaks. */
export function connectionNotFoundError(connectionId: string): OrgConnectionsError {
  return new OrgConnectionsError({
    kind: 'not_found',
    message: `The connection ${connectionId} was not found in this organization.`,
  });
}
