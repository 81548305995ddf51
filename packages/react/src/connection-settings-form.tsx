'use client';
import {
  type ConnectionDraft,
  type ConnectionDraftChange,
  isAccessLevel,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  type OrgConnectionSettingsIssue,
  type OrgConnectionsFeature,
} from '@org-connections/core';
import { type Ref, useId } from 'react';
import { AccessLevelSelect } from './access-level-select';
import { ConnectionSwitch } from './connection-switch';
import type { OrgConnectionsMessages } from './messages';
import type { AddConnectionDialogSlot } from './slots';
import { type ClassNames, type OrgConnectionsTheme, slotProps } from './theme';

export interface ConnectionSettingsFormProps {
  draft: ConnectionDraft;
  onChange: (change: ConnectionDraftChange) => void;
  /** The data source's features: settings it does not offer are not shown. */
  supports: (feature: OrgConnectionsFeature) => boolean;
  messages: OrgConnectionsMessages;
  classNames: ClassNames<AddConnectionDialogSlot>;
  nameRef: Ref<HTMLInputElement>;
  /** Passed on to the access level select, so it renders as the dialog does. */
  theme: OrgConnectionsTheme | undefined;
  unstyled: boolean | undefined;
}

const issueText = (issue: OrgConnectionSettingsIssue, messages: OrgConnectionsMessages) =>
  ({
    name_required: messages.nameRequired,
    name_too_long: messages.nameTooLong(ORGANIZATION_CONNECTION_NAME_MAX_LENGTH),
    name_has_nul: messages.nameInvalidCharacters,
  })[issue.code as string] ?? issue.message;

/**
 * The settings of a connection being added, over core's draft: the coupling rules are the draft's, and
 * each issue shows next to its field once the field was left or a submit was tried.
 */
export function ConnectionSettingsForm({
  draft,
  onChange,
  supports,
  messages,
  classNames,
  nameRef,
  theme,
  unstyled,
}: ConnectionSettingsFormProps) {
  const id = useId();
  const slot = slotProps(classNames);
  const { values } = draft;
  const nameIssue = draft.touchedFields.includes('organizationConnectionName')
    ? draft.issues.find((issue) => issue.field === 'organizationConnectionName')
    : undefined;
  const level = values.organizationAccessLevel;
  const toggle = (
    field: 'isEnabled' | 'assignMembershipOnLogin' | 'isSignupEnabled' | 'showAsButton',
    label: string,
    reason?: string,
  ) => {
    const checked = values[field];
    return (
      checked !== undefined && (
        <ConnectionSwitch
          field={field}
          label={label}
          checked={checked}
          onCheckedChange={(value) => onChange({ field, value })}
          disabled={reason !== undefined}
          reason={reason}
          classNames={classNames}
        />
      )
    );
  };

  return (
    <>
      {supports('organizationConnectionName') && (
        <div {...slot('field')} data-field="organizationConnectionName">
          <label htmlFor={`${id}-name`} {...slot('label')}>
            {messages.fieldOrganizationConnectionName}
          </label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            {...slot('input')}
            autoComplete="off"
            value={values.organizationConnectionName}
            aria-invalid={nameIssue ? true : undefined}
            aria-describedby={nameIssue ? `${id}-name-error` : undefined}
            onChange={(event) => onChange({ field: 'organizationConnectionName', value: event.target.value })}
            onBlur={() => onChange({ type: 'touch', field: 'organizationConnectionName' })}
          />
          {nameIssue && (
            <p id={`${id}-name-error`} {...slot('field-error')}>
              {issueText(nameIssue, messages)}
            </p>
          )}
        </div>
      )}
      {supports('organizationAccessLevel') && (
        <div {...slot('field')} data-field="organizationAccessLevel">
          <label htmlFor={`${id}-level`} {...slot('label')}>
            {messages.fieldOrganizationAccessLevel}
          </label>
          <AccessLevelSelect
            id={`${id}-level`}
            value={isAccessLevel(level) ? level : 'none'}
            onValueChange={(value) => onChange({ field: 'organizationAccessLevel', value })}
            classNames={classNames}
            messages={messages}
            theme={theme}
            unstyled={unstyled}
          />
        </div>
      )}
      {supports('isEnabled') && toggle('isEnabled', messages.fieldIsEnabled)}
      {toggle('assignMembershipOnLogin', messages.fieldAssignMembershipOnLogin)}
      {toggle(
        'isSignupEnabled',
        messages.fieldIsSignupEnabled,
        values.assignMembershipOnLogin ? undefined : messages.signupNeedsMembership,
      )}
      {toggle('showAsButton', messages.fieldShowAsButton)}
    </>
  );
}
