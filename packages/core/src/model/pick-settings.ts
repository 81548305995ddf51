import type { OrgConnectionsFeature } from '../clients/org-connections-api';
import { fieldAppliesTo } from '../rules/capabilities';
import type { ConnectionKind } from './connection-kind';
import { ORG_CONNECTION_FIELDS, type OrgConnectionField, type OrgConnectionSettings } from './org-connection';

export interface SettingsFilter {
  /** Only the settings this kind of connection has (signup: database; show as button: enterprise). */
  kind?: ConnectionKind | undefined;
  /** Only these settings, in this order. Default: every setting, in `ORG_CONNECTION_FIELDS` order. */
  fields?: readonly OrgConnectionField[] | undefined;
  /** Only the settings the data source offers (its `supports`). */
  supports?: ((feature: OrgConnectionsFeature) => boolean) | undefined;
}

/** The settings that are also features a data source may not offer. */
const SETTING_FEATURES: readonly OrgConnectionField[] = [
  'organizationConnectionName',
  'organizationAccessLevel',
  'isEnabled',
] satisfies readonly OrgConnectionsFeature[];

function offered(field: OrgConnectionField, supports: SettingsFilter['supports']): boolean {
  return supports === undefined || !SETTING_FEATURES.includes(field) || supports(field as OrgConnectionsFeature);
}

/**
 * The settings of `settings` that are set (not `undefined`) and pass the filter: that apply to the kind,
 * are among `fields`, and the data source offers. Anything else on `settings` (a connection's id, kind)
 * is left out. The one place settings are filtered: drafts, the guard and the clients all use it.
 */
export function pickSettings(settings: OrgConnectionSettings, filter: SettingsFilter = {}): OrgConnectionSettings {
  const { kind, fields = ORG_CONNECTION_FIELDS, supports } = filter;
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = settings[field];
    if (value === undefined || (kind !== undefined && !fieldAppliesTo(field, kind))) continue;
    if (offered(field, supports)) picked[field] = value;
  }
  return picked as OrgConnectionSettings;
}
