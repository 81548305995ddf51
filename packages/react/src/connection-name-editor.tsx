import { type ConnectionKind, orgConnectionSettingsIssues } from '@org-connections/core';
import type { FormEvent, KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { describeIssue } from './describe-error';
import type { OrgConnectionsListSlot } from './slots';
import type { OrgConnectionsComponent } from './use-org-connections-component';

export interface ConnectionNameEditorProps {
  initialValue: string;
  kind: ConnectionKind;
  accessLevel: string | undefined;
  component: OrgConnectionsComponent<OrgConnectionsListSlot>;
  onSave: (name: string) => void;
  onCancel: () => void;
}

/** Inline edit of `organizationConnectionName`: Enter saves, Escape cancels, core's rules validate. */
export function ConnectionNameEditor({
  initialValue,
  kind,
  accessLevel,
  component: { messages, slot },
  onSave,
  onCancel,
}: ConnectionNameEditorProps) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = value.trim();
    const issue = orgConnectionSettingsIssues(
      { organizationConnectionName: name, organizationAccessLevel: accessLevel },
      kind,
    ).find((found) => found.field === 'organizationConnectionName');
    if (issue || name === '') setError(describeIssue(issue, messages));
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
        {...slot('name-input')}
        aria-label={messages.fieldOrganizationConnectionName}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
      />
      <button type="submit" {...slot('button')} data-variant="primary">
        {messages.save}
      </button>
      <button type="button" {...slot('button')} onClick={onCancel}>
        {messages.cancel}
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" {...slot('name-error')}>
          {error}
        </p>
      )}
    </form>
  );
}
