import { ORG_CONNECTION_FIELDS, type OrgConnectionField, type OrgConnectionSettings } from './org-connection';
import type { OrgConnectionsFeature } from './org-connections-api';
import { OrgConnectionsError } from './org-connections-error';
import { pickSettings } from './pick-settings';

/** The data sources this package has a client for, named as their errors name them. */
export type DataSource = 'Management API' | "Management API's enabled_connections endpoints" | 'My Organization API';

interface DataSourceProfile {
  /** The features of the port this source does not offer (`supports()` is false for them). */
  unsupported: readonly OrgConnectionsFeature[];
  /** Settings the source reports but its write bodies cannot carry. */
  readOnly?: readonly OrgConnectionField[];
}

/** What each data source cannot do: the one list. */
const PROFILES: Record<DataSource, DataSourceProfile> = {
  'Management API': { unsupported: [] },
  // The GA family has no access level, name or `is_enabled` at all.
  "Management API's enabled_connections endpoints": {
    unsupported: ['organizationAccessLevel', 'organizationConnectionName', 'isEnabled'],
  },
  // It manages SSO identity providers (enterprise only), not the tenant's connections; the level is read-only.
  'My Organization API': {
    unsupported: [
      'organizationConnectionName',
      'addConnection',
      'removeConnection',
      'listTenantConnections',
      'rollouts',
    ],
    readOnly: ['organizationAccessLevel', 'isSignupEnabled'],
  },
};

/** The code of the `not_permitted` error a data source throws for a feature or setting it does not offer. */
export const UNSUPPORTED_FEATURE_CODE = 'unsupported_feature';

export interface DataSourceFeatures {
  /** The port's `supports`. */
  supports(feature: OrgConnectionsFeature): boolean;
  /** The error for a feature the source does not offer: `not_permitted`, code `unsupported_feature`. */
  unsupported(feature: OrgConnectionsFeature | OrgConnectionField): OrgConnectionsError;
  /**
   * The given settings the source can write, or the `unsupported_feature` error for the first it cannot.
   * `isEnabled: true` is always accepted (a connection in the organization is enabled) and left out where the
   * source has no such field.
   */
  writableSettings(settings: OrgConnectionSettings): OrgConnectionSettings;
}

/** What `source` offers, and the errors for what it does not; thrown before any request is sent. */
export function dataSourceFeatures(source: DataSource): DataSourceFeatures {
  const { unsupported, readOnly = [] } = PROFILES[source];
  const writable = ORG_CONNECTION_FIELDS.filter(
    (field) => !(unsupported as readonly string[]).includes(field) && !readOnly.includes(field),
  );
  const features: DataSourceFeatures = {
    supports: (feature) => !unsupported.includes(feature),
    unsupported: (feature) =>
      new OrgConnectionsError({
        kind: 'not_permitted',
        code: UNSUPPORTED_FEATURE_CODE,
        // For a developer's log: the feature by its name in the port (`supports`) or the setting's.
        message: `The ${source} cannot do ${feature}: it does not offer it.`,
      }),
    writableSettings(settings) {
      const given = pickSettings(settings);
      const sent = pickSettings(settings, { fields: writable });
      const refused = (Object.keys(given) as OrgConnectionField[]).find(
        (field) => !(field in sent) && !(field === 'isEnabled' && given.isEnabled === true),
      );
      if (refused !== undefined) throw features.unsupported(refused);
      return sent;
    },
  };
  return features;
}
