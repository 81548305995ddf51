import { ACCESS_LEVELS, type AccessLevel, type OrgConnectionsApi, type TenantConnection } from '@org-connections/core';
import { type FormEvent, useEffect, useId, useState } from 'react';

/*
 * The baseline's add dialog, written the plain way: the picker loads every page of the tenant's
 * connections (checkpoint paging, appending each page as it arrives), renders every row, and filters
 * on each keystroke; saving awaits the POST, then the list refetches.
 */

export interface BaselineAddConnectionDialogProps {
  api: OrgConnectionsApi;
  organizationId: string;
  excluded: ReadonlySet<string>;
  onClose: () => void;
  onAdded: () => Promise<void>;
}

export function BaselineAddConnectionDialog({
  api,
  organizationId,
  excluded,
  onClose,
  onAdded,
}: BaselineAddConnectionDialogProps) {
  const id = useId();
  const [connections, setConnections] = useState<TenantConnection[]>([]);
  const [loading, setLoading] = useState(true);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<TenantConnection>();
  const [step, setStep] = useState<'pick' | 'configure'>('pick');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<AccessLevel>('none');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    const loadAll = async () => {
      let from: string | undefined;
      do {
        const page = await api.listTenantConnections(from === undefined ? { take: 100 } : { take: 100, from });
        if (cancelled) return;
        setConnections((loaded) => [...loaded, ...page.items]);
        from = page.next;
      } while (from !== undefined);
      setLoading(false);
    };
    loadAll().catch((failure: unknown) => setError(String(failure)));
    return () => {
      cancelled = true;
    };
  }, [api]);

  const needle = search.trim().toLowerCase();
  const shown = connections.filter(
    (connection) =>
      !excluded.has(connection.id) &&
      `${connection.name}\n${connection.displayName ?? ''}`.toLowerCase().includes(needle),
  );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.addOrganizationConnection(organizationId, {
        connectionId: picked.id,
        organizationAccessLevel: level,
        ...(name === '' ? {} : { organizationConnectionName: name }),
      });
      await onAdded();
    } catch (failure) {
      setError(String(failure));
      setSaving(false);
    }
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      style={{ position: 'fixed', inset: '10% 25%', background: 'white', border: '1px solid', padding: '1rem' }}
    >
      <h2 id={`${id}-title`}>Add connection</h2>
      {step === 'pick' ? (
        <>
          <input
            type="search"
            data-slot="picker-search"
            aria-label="Search connections"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <div
            role="listbox"
            aria-label="Connections"
            data-slot="picker-list"
            style={{ height: '18rem', overflow: 'auto' }}
          >
            {shown.map((connection) => (
              <div
                key={connection.id}
                role="option"
                tabIndex={-1}
                aria-selected={connection.id === picked?.id}
                data-slot="picker-option"
                style={{ padding: '0.5rem 0.75rem', background: connection.id === picked?.id ? '#eef' : undefined }}
                onClick={() => setPicked(connection)}
                onKeyDown={(event) => event.key === 'Enter' && setPicked(connection)}
              >
                <span>{connection.displayName ?? connection.name}</span>{' '}
                <span>
                  {connection.displayName ? `${connection.name} · ${connection.strategy}` : connection.strategy}
                </span>
              </div>
            ))}
          </div>
          <p role="status">{loading ? `Loading… (${connections.length})` : ''}</p>
        </>
      ) : (
        <form id={`${id}-form`} onSubmit={save}>
          <p>{picked?.displayName ?? picked?.name}</p>
          <label>
            Name in the organization{' '}
            <input value={name} maxLength={50} onChange={(event) => setName(event.target.value)} />
          </label>
          <label>
            Access level{' '}
            <select value={level} onChange={(event) => setLevel(event.target.value as AccessLevel)}>
              {ACCESS_LEVELS.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
      <div data-slot="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        {step === 'pick' ? (
          <button
            key="next"
            type="button"
            data-variant="primary"
            disabled={!picked}
            onClick={() => setStep('configure')}
          >
            Next
          </button>
        ) : (
          <button key="save" type="submit" form={`${id}-form`} data-variant="primary" disabled={saving}>
            {saving ? 'Adding…' : 'Save'}
          </button>
        )}
      </div>
    </div>
  );
}
