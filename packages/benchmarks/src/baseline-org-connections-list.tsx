import {
  ACCESS_LEVELS,
  type AccessLevel,
  fieldAppliesTo,
  ORG_CONNECTION_LIMIT,
  type OrgConnection,
  type OrgConnectionSettings,
  type OrgConnectionsApi,
} from '@org-connections/core';
import { useCallback, useEffect, useState } from 'react';
import { BaselineAddConnectionDialog } from './baseline-add-connection-dialog';

/*
 * The benchmark's baseline: the same list written the plain way, over the same API client. Local state
 * and effects, no cache, no optimistic update (a change awaits the PATCH, then refetches the list), every
 * row rendered. Same parts and `data-slot` names as the library's list, so one runner drives both.
 */

type SwitchField = 'isEnabled' | 'assignMembershipOnLogin' | 'isSignupEnabled' | 'showAsButton';

const SWITCHES: readonly { field: SwitchField; label: string }[] = [
  { field: 'isEnabled', label: 'Enabled' },
  { field: 'assignMembershipOnLogin', label: 'Membership on authentication' },
  { field: 'isSignupEnabled', label: 'Sign up' },
  { field: 'showAsButton', label: 'Show as a button' },
];

export interface BaselineOrgConnectionsListProps {
  api: OrgConnectionsApi;
  organizationId: string;
}

export function BaselineOrgConnectionsList({ api, organizationId }: BaselineOrgConnectionsListProps) {
  const [connections, setConnections] = useState<OrgConnection[]>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState<string>();
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    const result = await api.listOrganizationConnections(organizationId, { perPage: 100 });
    setConnections(result.items);
  }, [api, organizationId]);

  useEffect(() => {
    load().catch((failure: unknown) => setError(String(failure)));
  }, [load]);

  const change = async (connection: OrgConnection, changes: Partial<OrgConnectionSettings>) => {
    setSaving(connection.connectionId);
    setError(undefined);
    try {
      await api.updateOrganizationConnection(organizationId, connection.connectionId, changes);
      await load();
    } catch (failure) {
      setError(String(failure));
    } finally {
      setSaving(undefined);
    }
  };

  const remove = async (connection: OrgConnection) => {
    setSaving(connection.connectionId);
    try {
      await api.removeOrganizationConnection(organizationId, connection.connectionId);
      await load();
    } catch (failure) {
      setError(String(failure));
    } finally {
      setSaving(undefined);
    }
  };

  if (connections === undefined) return <section aria-busy="true">{error ?? 'Loading…'}</section>;

  return (
    <section aria-label="Connections">
      <p>
        {connections.length} of {ORG_CONNECTION_LIMIT} connections
      </p>
      <button
        type="button"
        data-slot="add-button"
        disabled={connections.length >= ORG_CONNECTION_LIMIT}
        onClick={() => setAdding(true)}
      >
        Add connection
      </button>
      {error && <p role="alert">{error}</p>}
      <ul>
        {connections.map((connection) => {
          const name = connection.organizationConnectionName || connection.connection.name;
          const busy = saving === connection.connectionId;
          return (
            <li key={connection.connectionId} data-slot="row" aria-busy={busy}>
              <strong>{name}</strong> <span>{connection.connection.strategy}</span> <span>{connection.kind}</span>
              <button type="button">Rename</button>
              <button type="button" disabled={busy} onClick={() => remove(connection)}>
                Remove
              </button>
              <fieldset aria-label={name}>
                <label>
                  Access level{' '}
                  <select
                    value={connection.organizationAccessLevel ?? 'none'}
                    disabled={busy}
                    onChange={(event) =>
                      change(connection, { organizationAccessLevel: event.target.value as AccessLevel })
                    }
                  >
                    {ACCESS_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {level}
                      </option>
                    ))}
                  </select>
                </label>
                {SWITCHES.filter(({ field }) => fieldAppliesTo(field, connection.kind)).map(({ field, label }) => (
                  <label key={field}>
                    <button
                      type="button"
                      role="switch"
                      aria-checked={connection[field]}
                      disabled={busy}
                      onClick={() =>
                        change(
                          connection,
                          field === 'assignMembershipOnLogin' && connection[field]
                            ? { assignMembershipOnLogin: false, isSignupEnabled: false }
                            : { [field]: !connection[field] },
                        )
                      }
                    >
                      {connection[field] ? 'On' : 'Off'}
                    </button>{' '}
                    {label}
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {adding && (
        <BaselineAddConnectionDialog
          api={api}
          organizationId={organizationId}
          excluded={new Set(connections.map((connection) => connection.connectionId))}
          onClose={() => setAdding(false)}
          onAdded={async () => {
            await load();
            setAdding(false);
          }}
        />
      )}
    </section>
  );
}
