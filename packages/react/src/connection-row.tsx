import {
  type AccessLevel,
  applyDraftChange,
  type ConnectionDraftValueChange,
  createConnectionDraft,
  draftChanges,
  fieldAppliesTo,
  isAccessLevel,
  isOrgConnectionsError,
  type OrgConnection,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type OrgConnectionsFeature,
  type View,
  validateOrgConnectionSettings,
} from '@org-connections/core';
import { useEffect, useId, useRef, useState } from 'react';
import { AccessLevelSelect } from './access-level-select';
import { ConnectionNameEditor } from './connection-name-editor';
import { ConnectionSwitch } from './connection-switch';
import { describeError } from './describe-error';
import { KindBadge } from './kind-badge';
import type { OrgConnectionsMessages } from './messages';
import { RemoveConnectionDialog } from './remove-connection-dialog';
import type { OrgConnectionsListSlot } from './slots';
import { type ClassNames, cx, type OrgConnectionsTheme, type RootProps } from './theme';
import { useConnectionCapabilities } from './use-connection-capabilities';
import { useUpdateOrgConnection } from './use-update-org-connection';

export interface ConnectionRowProps {
  organizationId: string;
  connection: OrgConnection;
  view: View;
  messages: OrgConnectionsMessages;
  locale: string | undefined;
  theme: OrgConnectionsTheme;
  rootProps: RootProps;
  unstyled: boolean | undefined;
  classNames?: ClassNames<OrgConnectionsListSlot> | undefined;
  supports: (feature: OrgConnectionsFeature) => boolean;
  /** Says something to screen readers through the list's live region. */
  announce: (text: string) => void;
  /** After the connection was removed (its row is about to go). */
  onRemoved: (name: string) => void;
  focusAfterRemoval: () => void;
}

type SwitchField = 'isEnabled' | 'assignMembershipOnLogin' | 'isSignupEnabled' | 'showAsButton';
const SWITCH_FIELDS: readonly SwitchField[] = [
  'isEnabled',
  'assignMembershipOnLogin',
  'isSignupEnabled',
  'showAsButton',
];
const FIELD_LABELS = {
  isEnabled: 'fieldIsEnabled',
  assignMembershipOnLogin: 'fieldAssignMembershipOnLogin',
  isSignupEnabled: 'fieldIsSignupEnabled',
  showAsButton: 'fieldShowAsButton',
} as const satisfies Record<SwitchField, keyof OrgConnectionsMessages>;

/** One connection of the organization: its name, kind and the settings the view may see and change. */
export function ConnectionRow({
  organizationId,
  connection,
  view,
  messages,
  locale,
  theme,
  rootProps,
  unstyled,
  classNames,
  supports,
  announce,
  onRemoved,
  focusAfterRemoval,
}: ConnectionRowProps) {
  const id = useId();
  const capabilities = useConnectionCapabilities(connection, view);
  const update = useUpdateOrgConnection(organizationId, { view });
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back to the rename button once the editor closes, so keyboard focus is not lost.
  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const [problem, setProblem] = useState<string>();
  const { kind, organizationAccessLevel: level } = connection;
  const name = connection.organizationConnectionName || connection.connection.name;
  const tenantAdmin = view === 'tenant-admin';
  const locked = !tenantAdmin && level === 'readonly';
  const pending = update.isPending;
  const pendingFields = pending ? Object.keys(update.variables?.changes ?? {}) : [];

  const save = (changes: Partial<OrgConnectionSettings>) => {
    setProblem(undefined);
    update.mutate(
      { connectionId: connection.connectionId, changes },
      {
        onSuccess: () => announce(messages.saved(name)),
        onError: (error) => announce(messages.changeFailed(name, describeError(error, messages, locale))),
      },
    );
  };
  /** A change with core's coupling rules applied (membership off turns signup off). */
  const change = (valueChange: ConnectionDraftValueChange) =>
    save(draftChanges(applyDraftChange(createConnectionDraft({ connection }), valueChange), { supports }));

  const changeLevel = (next: AccessLevel) => {
    const issue = validateOrgConnectionSettings(
      { organizationConnectionName: connection.organizationConnectionName, organizationAccessLevel: next },
      kind,
    ).issues.find((found) => found.code === 'name_required');
    if (issue) {
      setProblem(messages.nameRequired);
      announce(messages.changeFailed(name, messages.nameRequired));
    } else change({ field: 'organizationAccessLevel', value: next });
  };

  const shown = (field: OrgConnectionField) =>
    fieldAppliesTo(field, kind) &&
    (field !== 'isEnabled' || supports('isEnabled')) &&
    (tenantAdmin || locked || capabilities.editable[field]);
  const message =
    problem ??
    (update.isError ? messages.changeFailed(name, describeError(update.error, messages, locale)) : undefined);
  const errorKind = update.isError && isOrgConnectionsError(update.error) ? update.error.kind : undefined;

  return (
    <li
      data-slot="row"
      data-kind={kind}
      data-access-level={isAccessLevel(level) ? level : level === undefined ? undefined : 'unknown'}
      data-state={connection.isEnabled ? 'on' : 'off'}
      data-pending={pending ? '' : undefined}
      aria-busy={pending || undefined}
      className={cx(classNames?.row)}
    >
      <div data-slot="row-header" className={cx(classNames?.['row-header'])}>
        {editing ? (
          <ConnectionNameEditor
            initialValue={connection.organizationConnectionName ?? ''}
            kind={kind}
            accessLevel={level}
            messages={messages}
            classNames={classNames}
            onCancel={() => setEditing(false)}
            onSave={(organizationConnectionName) => {
              setEditing(false);
              save({ organizationConnectionName });
            }}
          />
        ) : (
          <span id={`${id}-name`} data-slot="name" className={cx(classNames?.name)}>
            {name}
          </span>
        )}
        <span data-slot="strategy" className={cx(classNames?.strategy)}>
          {connection.connection.strategy}
        </span>
        <KindBadge kind={kind} messages={messages} className={classNames?.['kind-badge']} />
        {tenantAdmin && (
          <div data-slot="actions" className={cx(classNames?.actions)}>
            {supports('organizationConnectionName') && !editing && (
              <button
                ref={renameButton}
                type="button"
                data-slot="rename-button"
                aria-label={messages.rename(name)}
                onClick={() => setEditing(true)}
                className={cx(classNames?.['rename-button'])}
              >
                {messages.renameButton}
              </button>
            )}
            {supports('removeConnection') && (
              <RemoveConnectionDialog
                organizationId={organizationId}
                connectionId={connection.connectionId}
                name={name}
                messages={messages}
                locale={locale}
                rootProps={rootProps}
                classNames={classNames}
                onRemoved={() => onRemoved(name)}
                focusAfterRemoval={focusAfterRemoval}
              />
            )}
          </div>
        )}
      </div>
      {!tenantAdmin && level !== 'full' && (
        <p data-slot="lock-reason" className={cx(classNames?.['lock-reason'])}>
          {locked ? messages.readonlyExplanation : messages.limitedExplanation}
        </p>
      )}
      <fieldset data-slot="fields" aria-label={name} className={cx(classNames?.fields)}>
        {tenantAdmin && supports('organizationAccessLevel') && (
          <div data-slot="access-level" className={cx(classNames?.['access-level'])}>
            <label htmlFor={`${id}-level`}>{messages.fieldOrganizationAccessLevel}</label>
            <AccessLevelSelect
              id={`${id}-level`}
              value={isAccessLevel(level) ? level : undefined}
              onValueChange={changeLevel}
              theme={theme}
              unstyled={unstyled}
            />
            {level !== undefined && !isAccessLevel(level) && <span>{messages.accessLevelUnknown(level)}</span>}
          </div>
        )}
        {SWITCH_FIELDS.filter(shown).map((field) => {
          const signupBlocked = field === 'isSignupEnabled' && !connection.assignMembershipOnLogin;
          return (
            <ConnectionSwitch
              key={field}
              field={field}
              label={messages[FIELD_LABELS[field]]}
              checked={connection[field]}
              disabled={!capabilities.editable[field] || signupBlocked}
              pending={pendingFields.includes(field)}
              reason={signupBlocked && !locked ? messages.signupNeedsMembership : undefined}
              onCheckedChange={(value) => change({ field, value })}
              classNames={classNames}
            />
          );
        })}
      </fieldset>
      {message && (
        <p data-slot="row-message" data-error={errorKind} className={cx(classNames?.['row-message'])}>
          {message}
        </p>
      )}
    </li>
  );
}
