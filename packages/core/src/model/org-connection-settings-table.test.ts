import { describe, expect, it } from 'vitest';
import { fieldAppliesTo } from '../rules/capabilities';
import { fromWireOrganizationConnection, fromWireSettings, toWireSettings } from '../wire/org-connection-mapper';
import { createConnectionDraft } from './connection-draft';
import { CONNECTION_KINDS } from './connection-kind';
import { ORG_CONNECTION_FIELDS } from './org-connection';
import { ORG_CONNECTION_SETTINGS } from './org-connection-settings-table';

describe('the settings table', () => {
  it('names every setting of the model, in its order', () => {
    expect(Object.keys(ORG_CONNECTION_SETTINGS)).toEqual(ORG_CONNECTION_FIELDS);
  });

  it.each(CONNECTION_KINDS)(
    "a %s connection's add form starts where Auth0 starts a connection added with nothing set",
    (kind) => {
      const strategy = { database: 'auth0', social: 'github', enterprise: 'okta', passwordless: 'email' }[kind];
      const added = fromWireOrganizationConnection({
        connection_id: 'con_1',
        organization_access_level: 'none',
        connection: { name: 'x', strategy },
      });
      const { values } = createConnectionDraft({ kind });
      for (const field of ORG_CONNECTION_FIELDS) {
        if (field === 'organizationConnectionName') expect(values[field]).toBe('');
        else if (fieldAppliesTo(field, kind)) expect(values[field]).toBe(added[field]);
        else expect(field in values).toBe(false);
      }
    },
  );

  it('sends each setting under its wire name and reads it back', () => {
    const settings = {
      organizationConnectionName: 'Acme',
      organizationAccessLevel: 'full',
      isEnabled: false,
      assignMembershipOnLogin: true,
      isSignupEnabled: true,
      showAsButton: false,
    } as const;
    const wire = toWireSettings(settings);
    expect(wire).toEqual({
      organization_connection_name: 'Acme',
      organization_access_level: 'full',
      is_enabled: false,
      assign_membership_on_login: true,
      is_signup_enabled: true,
      show_as_button: false,
    });
    expect(fromWireSettings(wire)).toEqual(settings);
  });
});
