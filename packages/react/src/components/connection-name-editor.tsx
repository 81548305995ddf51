import { type ConnectionKind, orgConnectionSettingsIssues } from '@org-connections/core';
import type { FormEvent, KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import type { OrgConnectionsPresentation } from '../hooks/use-org-connections-presentation';
import { describeIssue } from '../i18n/describe-error';
import type { OrgConnectionsListSlot } from './slots';

export interface ConnectionNameEditorProps {
  initialValue: string;
  kind: ConnectionKind;
  accessLevel: string | undefined;
  presentation: OrgConnectionsPresentation<OrgConnectionsListSlot>;
  /** `pending` while a save is on its way: the field keeps its text and focus, and takes no second save. */
  status?: 'idle' | 'pending';
  /** Why the last save failed; shown by the field, which keeps the typed text so Enter tries again. */
  failure?: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}

/** Inline edit of `organizationConnectionName`: Enter saves, Escape cancels, core's rules validate. */
export function ConnectionNameEditor({
  initialValue,
  kind,
  accessLevel,
  presentation: { messages, locale, slot },
  status = 'idle',
  failure,
  onSave,
  onCancel,
}: ConnectionNameEditorProps) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string>();
  const pending = status === 'pending';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const name = value.trim();
    const issue = orgConnectionSettingsIssues(
      { organizationConnectionName: name, organizationAccessLevel: accessLevel },
      kind,
    ).find((found) => found.field === 'organizationConnectionName');
    if (issue || name === '') setError(describeIssue(issue, messages, locale));
    else if (name === initialValue) onCancel();
    else onSave(name);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };
  // A rule broken here, else the server's refusal (the live region has already said it: no second alert).
  const shown = error ?? failure;
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-busy={pending || undefined}>
      <input
        // biome-ignore lint/a11y/noAutofocus: the person asked to edit this name
        autoFocus
        {...slot('name-input')}
        aria-label={messages.fieldOrganizationConnectionName}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        // Read only, not disabled, while saving: focus stays in the field.
        readOnly={pending}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
      />
      <button type="submit" {...slot('button')} data-variant="primary" aria-disabled={pending || undefined}>
        {messages.save}
      </button>
      <button type="button" {...slot('button')} onClick={onCancel}>
        {messages.cancel}
      </button>
      {shown && (
        <p id={`${id}-error`} role={error ? 'alert' : undefined} {...slot('name-error')}>
          {shown}
        </p>
      )}
    </form>
  );
}
