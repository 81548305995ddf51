import type { AccessLevelValue } from './access-level';
import type { ConnectionKind } from './connection-kind';

/** Who is looking: the SaaS operator's staff, or the customer's own administrator. */
export type View = 'tenant-admin' | 'org-admin';

/** A connection as enabled for one organization: the camelCase of Auth0's wire fields, plus the derived `kind`. */
export interface OrgConnection {
  connectionId: string;
  /** Only in the `/organizations/{id}/connections` family; `undefined` where the source has no such field. */
  organizationConnectionName?: string;
  /** Only in the `/organizations/{id}/connections` family. `undefined` behaves as `none` for an org admin. */
  organizationAccessLevel?: AccessLevelValue;
  isEnabled: boolean;
  assignMembershipOnLogin: boolean;
  isSignupEnabled: boolean;
  showAsButton: boolean;
  connection: { name: string; strategy: string };
  kind: ConnectionKind;
}

/** The settings of an organization connection that a form or a toggle may change. */
export interface OrgConnectionSettings {
  organizationConnectionName?: string;
  organizationAccessLevel?: AccessLevelValue;
  isEnabled?: boolean;
  assignMembershipOnLogin?: boolean;
  isSignupEnabled?: boolean;
  showAsButton?: boolean;
}

/** The name of one editable setting. */
export type OrgConnectionField = keyof OrgConnectionSettings;

export const ORG_CONNECTION_FIELDS: readonly OrgConnectionField[] = [
  'organizationConnectionName',
  'organizationAccessLevel',
  'isEnabled',
  'assignMembershipOnLogin',
  'isSignupEnabled',
  'showAsButton',
];

/** A connection of the tenant, as the picker of the add dialog lists it. */
export interface TenantConnection {
  id: string;
  name: string;
  displayName?: string;
  strategy: string;
  kind: ConnectionKind;
}

/** At most this many connections may be enabled for one organization (Auth0's entity limit). */
export const ORG_CONNECTION_LIMIT = 10;
