import {
  type ConnectionKind,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  type OrgConnectionSettingsIssueCode,
  validateOrgConnectionSettings,
} from '@org-connections/core';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import type { OrgConnectionsMessages } from './messages';
import type { OrgConnectionsListSlot } from './slots';
import { type ClassNames, cx } from './theme';

export interface ConnectionNameEditorProps {
  initialValue: string;
  kind: ConnectionKind;
  accessLevel: string | undefined;
  messages: OrgConnectionsMessages;
  classNames?: ClassNames<OrgConnectionsListSlot> | undefined;
  onSave: (name: string) => void;
  onCancel: () => void;
}

const issueMessage = (code: OrgConnectionSettingsIssueCode, messages: OrgConnectionsMessages) =>
  code === 'name_too_long'
    ? messages.nameTooLong(ORGANIZATION_CONNECTION_NAME_MAX_LENGTH)
    : code === 'name_has_nul'
      ? messages.nameInvalidCharacters
      : messages.nameRequired;

/** Inline edit of `organizationConnectionName`: Enter saves, Escape cancels, core's rules validate. */
export function ConnectionNameEditor({
  initialValue,
  kind,
  accessLevel,
  messages,
  classNames,
  onSave,
  onCancel,
}: ConnectionNameEditorProps) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = value.trim();
    const issue = validateOrgConnectionSettings(
      { organizationConnectionName: name, organizationAccessLevel: accessLevel },
      kind,
    ).issues.find((found) => found.field === 'organizationConnectionName');
    if (issue || name === '') setError(issueMessage(issue?.code ?? 'name_required', messages));
    else if (name === initialValue) onCancel();
    else onSave(name);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <input
        // biome-ignore lint/a11y/noAutofocus: the person asked to edit this name
        autoFocus
        data-slot="name-input"
        aria-label={messages.fieldOrganizationConnectionName}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
        className={cx(classNames?.['name-input'])}
      />
      <button type="submit" data-slot="button" data-variant="primary" className={cx(classNames?.button)}>
        {messages.save}
      </button>
      <button type="button" data-slot="button" onClick={onCancel} className={cx(classNames?.button)}>
        {messages.cancel}
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" data-slot="name-error" className={cx(classNames?.['name-error'])}>
          {error}
        </p>
      )}
    </form>
  );
}
