'use client';
import {
  type ConnectionDraft,
  type ConnectionDraftChange,
  membershipAdmitsProviderUsers,
  type OrgConnectionsFeature,
} from '@org-connections/core';
import type { Ref } from 'react';
import type { OrgConnectionsPresentation } from '../hooks/use-org-connections-presentation';
import { describeIssue } from '../i18n/describe-error';
import { AccessLevelSelect } from './access-level-select';
import { ConnectionSwitches } from './connection-switches';
import type { AddConnectionDialogSlot } from './slots';

export interface ConnectionSettingsFormProps {
  /** Unique on the page: the fields' ids start with it. */
  id: string;
  draft: ConnectionDraft;
  onChange: (change: ConnectionDraftChange) => void;
  /** The data source's features: settings it does not offer are not shown. */
  supports: (feature: OrgConnectionsFeature) => boolean;
  /** The dialog's theme, messages and slots (the access level select renders with them too). */
  presentation: OrgConnectionsPresentation<AddConnectionDialogSlot>;
  nameRef: Ref<HTMLInputElement>;
}

/**
 * The settings of a connection being added, over core's draft: the coupling rules are the draft's, and
 * each issue shows next to its field once the field was left or a submit was tried.
 */
export function ConnectionSettingsForm({
  id,
  draft,
  onChange,
  supports,
  presentation: { messages, locale, slot, classNames, theme, unstyled },
  nameRef,
}: ConnectionSettingsFormProps) {
  const { values } = draft;
  const nameIssue = draft.touchedFields.includes('organizationConnectionName')
    ? draft.issues.find((issue) => issue.field === 'organizationConnectionName')
    : undefined;
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
              {describeIssue(nameIssue, messages, locale)}
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
            value={values.organizationAccessLevel}
            onValueChange={(value) => onChange({ field: 'organizationAccessLevel', value })}
            classNames={classNames}
            messages={messages}
            theme={theme}
            unstyled={unstyled}
          />
        </div>
      )}
      <ConnectionSwitches
        values={values}
        shown={(field) => field !== 'isEnabled' || supports('isEnabled')}
        onChange={(field, value) => onChange({ field, value })}
        // Membership on authentication makes members of everyone the identity provider lets in: it says so.
        note={(field) =>
          field === 'assignMembershipOnLogin' &&
          membershipAdmitsProviderUsers(draft.kind) &&
          values.assignMembershipOnLogin
            ? messages.membershipNotice
            : undefined
        }
        messages={messages}
        id={id}
        slot={slot}
      />
    </>
  );
}
