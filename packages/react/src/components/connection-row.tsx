import {
  applyDraftChange,
  type ConnectionDraftValueChange,
  createConnectionDraft,
  draftChanges,
  isOrgConnectionsError,
  type LockoutRisk,
  type OrgConnection,
  type OrgConnectionSettings,
  type OrgConnectionsFeature,
  type View,
} from '@org-connections/core';
import { memo, type RefObject, useId, useLayoutEffect, useRef, useState } from 'react';
import type { OrgConnectionsEvents } from '../hooks/org-connections-events';
import { useConnectionCapabilities } from '../hooks/use-connection-capabilities';
import type { OrgConnectionsPresentation } from '../hooks/use-org-connections-presentation';
import { useUpdateOrgConnection } from '../hooks/use-update-org-connection';
import { describeError } from '../i18n/describe-error';
import { keyPart } from '../i18n/messages';
import { AccessLevelSelect, accessLevelState } from './access-level-select';
import { ConnectionLogo } from './connection-logo';
import { ConnectionNameEditor } from './connection-name-editor';
import { ConnectionSwitches } from './connection-switches';
import { LockoutConfirmation } from './lockout-confirmation';
import { RemoveConnectionDialog } from './remove-connection-dialog';
import type { OrgConnectionsListSlot } from './slots';

export interface ConnectionRowProps {
  organizationId: string;
  connection: OrgConnection;
  view: View;
  /** The list's theme, messages and slots. */
  presentation: OrgConnectionsPresentation<OrgConnectionsListSlot>;
  supports: (feature: OrgConnectionsFeature) => boolean;
  /** Says something to screen readers through the list's live region. */
  announce: (text: string) => void;
  /** Where focus goes after the connection was removed (its row goes with it). */
  focusAfterRemoval: () => void;
  /**
   * What switching off or removing a connection would lock out (core's `lockoutRisk` over the list, with the
   * connection the admin signed in with), asked when it is about to happen: that asks for confirmation first.
   */
  lockoutRisk?: (connectionId: string) => LockoutRisk | undefined;
  /** The host's callbacks (the list's props), told once per server answer. */
  events?: RefObject<OrgConnectionsEvents>;
}

/** The name a connection goes by in the organization: its organization name, else the connection's. */
export const connectionName = (connection: OrgConnection) =>
  connection.organizationConnectionName || connection.connection.name;

/**
 * One connection of the organization: its name, kind and the settings the view may see and change. Memoized: the
 * list passes the cached connection itself, which a change to another connection leaves as it was.
 */
export const ConnectionRow = memo(function ConnectionRow({
  organizationId,
  connection,
  view,
  presentation,
  supports,
  announce,
  focusAfterRemoval,
  events,
  lockoutRisk,
}: ConnectionRowProps) {
  const { messages, locale, slot } = presentation;
  const id = useId();
  const capabilities = useConnectionCapabilities(connection, view);
  const update = useUpdateOrgConnection(organizationId, { view });
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  // Armed by the person saving or cancelling: once the editor has closed, focus goes back to the rename button,
  // unless they have moved it somewhere else meanwhile (the field it was in is gone, so it sits on the body). A layout
  // effect, in the commit that closes the editor: React 18 may run a passive effect frames later, leaving the
  // keyboard on <body> meanwhile (a loaded fresh-clone CI run caught it there).
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    if (document.activeElement === document.body || !document.activeElement) renameButton.current?.focus();
  }, [editing]);
  const cancelEditing = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const [problem, setProblem] = useState<string>();
  // The switch-off confirmation: mounted when first needed, then kept so it closes as it opened; open while `risk`.
  const [confirmation, setConfirmation] = useState<{ risk?: LockoutRisk }>();
  const { kind, organizationAccessLevel: level } = connection;
  const name = connectionName(connection);
  const pending = update.isPending;
  const pendingFields = pending ? Object.keys(update.variables?.changes ?? {}) : [];
  const failed = (reason: string) => messages.changeFailed(name, reason);

  const save = (changes: Partial<OrgConnectionSettings>, onSaved?: () => void) => {
    setProblem(undefined);
    const { connectionId } = connection;
    // The call's own promise, not `mutate`'s callbacks: those are told only for the latest of overlapping changes.
    update.mutateAsync({ connectionId, changes }).then(
      // The server's answer: after a rename, the new name.
      (updated) => {
        announce(messages.saved(connectionName(updated)));
        onSaved?.();
        events?.current?.onUpdated?.(updated, changes);
      },
      (error: Error) => {
        announce(failed(describeError(error, messages, locale)));
        events?.current?.onError?.(error, { operation: 'update', connectionId });
      },
    );
  };
  /** A change with core's rules applied (membership off turns signup off; a level above none needs a name). */
  const change = (valueChange: ConnectionDraftValueChange) => {
    const draft = applyDraftChange(createConnectionDraft({ connection }), valueChange);
    if (
      valueChange.field === 'organizationAccessLevel' &&
      draft.issues.some((issue) => issue.code === 'name_required')
    ) {
      setProblem(messages.nameRequired);
      announce(failed(messages.nameRequired));
    } else save(draftChanges(draft, { supports }));
  };

  const renaming = update.variables !== undefined && 'organizationConnectionName' in update.variables.changes;
  const failure = update.isError ? failed(describeError(update.error, messages, locale)) : undefined;
  // A failed rename is told by its field while the editor is open (it keeps the typed text), else below the row.
  const renameFailure = editing && renaming ? failure : undefined;
  const message = problem ?? (renameFailure ? undefined : failure);

  return (
    <li
      {...slot('row')}
      data-kind={kind}
      data-access-level={accessLevelState(level)}
      data-state={connection.isEnabled ? 'on' : 'off'}
      data-pending={pending ? '' : undefined}
      aria-busy={pending || undefined}
    >
      <div {...slot('row-header')}>
        <ConnectionLogo strategy={connection.connection.strategy} kind={kind} slot={slot} />
        {editing ? (
          <ConnectionNameEditor
            initialValue={connection.organizationConnectionName ?? ''}
            kind={kind}
            accessLevel={level}
            presentation={presentation}
            status={pending && renaming ? 'pending' : 'idle'}
            failure={renameFailure}
            onCancel={cancelEditing}
            onSave={(organizationConnectionName) => {
              // Open, with the typed text, until the server has taken the name.
              returnFocus.current = true;
              save({ organizationConnectionName }, () => setEditing(false));
            }}
          />
        ) : (
          <span {...slot('name')}>{name}</span>
        )}
        <span {...slot('strategy')}>{connection.connection.strategy}</span>
        <span {...slot('kind-badge')} data-kind={kind}>
          {messages[`kind${keyPart(kind)}`]}
        </span>
        {(capabilities.editable.organizationConnectionName || capabilities.remove) && (
          <div {...slot('actions')}>
            {capabilities.editable.organizationConnectionName && supports('organizationConnectionName') && !editing && (
              <button
                ref={renameButton}
                type="button"
                {...slot('rename-button')}
                aria-label={messages.rename(name)}
                onClick={() => setEditing(true)}
              >
                {messages.renameButton}
              </button>
            )}
            {capabilities.remove && supports('removeConnection') && (
              <RemoveConnectionDialog
                organizationId={organizationId}
                connectionId={connection.connectionId}
                name={name}
                view={view}
                presentation={presentation}
                onRemoved={() => {
                  announce(messages.removed(name));
                  events?.current?.onRemoved?.(connection);
                }}
                onError={(error) =>
                  events?.current?.onError?.(error, { operation: 'remove', connectionId: connection.connectionId })
                }
                focusAfterRemoval={focusAfterRemoval}
                lockoutRisk={lockoutRisk && (() => lockoutRisk(connection.connectionId))}
              />
            )}
          </div>
        )}
      </div>
      {capabilities.lockReason && <p {...slot('lock-reason')}>{messages[`${capabilities.lockReason}Explanation`]}</p>}
      <fieldset {...slot('fields')} aria-label={name}>
        {capabilities.editable.organizationAccessLevel && supports('organizationAccessLevel') && (
          <div {...slot('access-level')}>
            <label htmlFor={`${id}-level`}>{messages.fieldOrganizationAccessLevel}</label>
            <AccessLevelSelect
              id={`${id}-level`}
              value={level ?? 'none'}
              onValueChange={(value) => change({ field: 'organizationAccessLevel', value })}
              theme={presentation.theme}
              classNames={presentation.classNames}
              unstyled={presentation.unstyled}
              messages={messages}
            />
          </div>
        )}
        <ConnectionSwitches
          id={id}
          values={connection}
          shown={(field) => capabilities.shown(field) && (field !== 'isEnabled' || supports('isEnabled'))}
          locked={(field) => !capabilities.editable[field]}
          pending={(field) => pendingFields.includes(field)}
          onChange={(field, value) => {
            const risk = field === 'isEnabled' && !value ? lockoutRisk?.(connection.connectionId) : undefined;
            if (risk) setConfirmation({ risk });
            else change({ field, value });
          }}
          messages={messages}
          // A row's settings are its own part (`row-field`), apart from the add form's `field`s.
          slot={(part) => slot(part === 'field' ? 'row-field' : part)}
        />
      </fieldset>
      {confirmation && (
        <LockoutConfirmation
          risk={confirmation.risk}
          name={name}
          presentation={presentation}
          onCancel={() => setConfirmation({})}
          onConfirm={() => {
            setConfirmation({});
            change({ field: 'isEnabled', value: false });
          }}
          returnFocus={() => document.getElementById(`${id}-isEnabled`)?.focus()}
        />
      )}
      {message && (
        <p
          {...slot('row-message')}
          data-error={update.isError && isOrgConnectionsError(update.error) ? update.error.kind : undefined}
        >
          {message}
        </p>
      )}
    </li>
  );
});
