import type { OrgConnectionsFeature } from '../clients/org-connections-api';
import { ORG_CONNECTION_FIELDS, type OrgConnectionField, type OrgConnectionSettings } from './org-connection';
import { settingDefinition } from './org-connection-settings-table';
import { OrgConnectionsError } from './org-connections-error';
import { pickSettings } from './pick-settings';

/** The data sources this package has a client for, named as their errors name them. */
export type DataSource = 'Management API' | "Management API's enabled_connections endpoints" | 'My Organization API';

/**
 * The features of the port, beyond settings, each data source does not offer (`supports()` is false for them).
 * Which settings a source lacks or only reads is the settings table's `notWrittenBy`.
 */
const UNSUPPORTED: Record<DataSource, readonly OrgConnectionsFeature[]> = {
  'Management API': [],
  "Management API's enabled_connections endpoints": [],
  // It manages SSO identity providers (enterprise only), not the tenant's connections.
  'My Organization API': [
    'addConnection',
    'removeConnection',
    'listTenantConnections',
    'getTenantConnection',
    'rollouts',
  ],
};

/**
 * The code of the `not_permitted` error a data source throws for a feature or setting it does not offer (the view's
 * refusal is `VIEW_NOT_PERMITTED_CODE`).
 */
export const UNSUPPORTED_FEATURE_CODE = 'unsupported_feature';

/**
 * The error for a feature or setting `source` does not offer: `not_permitted`, code `unsupported_feature`. Thrown
 * before any request, by a client or by a hook that finds the port without the method.
 */
export function unsupportedFeatureError(
  feature: OrgConnectionsFeature | OrgConnectionField,
  source: DataSource | 'data source' = 'data source',
): OrgConnectionsError {
  return new OrgConnectionsError({
    kind: 'not_permitted',
    code: UNSUPPORTED_FEATURE_CODE,
    // For a developer's log: the feature by its name in the port (`supports`) or the setting's.
    message: `The ${source} cannot do ${feature}: it does not offer it.`,
  });
}

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
  const notWritten = (field: OrgConnectionField) => settingDefinition(field).notWrittenBy?.[source];
  // A setting the source does not have at all is a feature it does not offer.
  const unsupported: readonly string[] = [
    ...ORG_CONNECTION_FIELDS.filter((field) => notWritten(field) === 'absent'),
    ...UNSUPPORTED[source],
  ];
  const writable = ORG_CONNECTION_FIELDS.filter((field) => notWritten(field) === undefined);
  const features: DataSourceFeatures = {
    supports: (feature) => !unsupported.includes(feature),
    unsupported: (feature) => unsupportedFeatureError(feature, source),
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
