import type { LockoutRisk, View } from '@org-connections/core';
import * as Dialog from '@radix-ui/react-dialog';
import { type RefObject, useId, useRef, useState } from 'react';
import type { OrgConnectionsPresentation } from '../hooks/use-org-connections-presentation';
import { useRemoveOrgConnection } from '../hooks/use-remove-org-connection';
import { describeError } from '../i18n/describe-error';
import { keyPart } from '../i18n/messages';
import type { OrgConnectionsListSlot } from './slots';

export interface RemoveConnectionDialogProps {
  organizationId: string;
  connectionId: string;
  name: string;
  /** Whose rules the removal is checked against before any request. */
  view: View;
  presentation: OrgConnectionsPresentation<OrgConnectionsListSlot>;
  onRemoved: () => void;
  /** After the server refused the removal or could not be reached (the dialog says why). */
  onError?: (error: Error) => void;
  /** Where focus goes once the dialog closes after removing (its trigger goes with the row). */
  focusAfterRemoval: () => void;
  /** What removing it would lock out (core's `lockoutRisk`), asked when the dialog opens: the dialog says so. */
  lockoutRisk?: () => LockoutRisk | undefined;
}

/**
 * The remove button of a row and its confirmation; the connection stays in the tenant. The dialog (and its mutation)
 * mounts when the button is first pressed, not with every row; once mounted it stays, so it can close as it opened.
 */
export function RemoveConnectionDialog(props: RemoveConnectionDialogProps) {
  const { name, presentation } = props;
  const { messages, slot } = presentation;
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const [risk, setRisk] = useState<LockoutRisk>();
  const trigger = useRef<HTMLButtonElement>(null);
  const contentId = useId();
  return (
    <>
      <button
        ref={trigger}
        type="button"
        {...slot('remove-button')}
        aria-label={messages.remove(name)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? contentId : undefined}
        data-state={open ? 'open' : 'closed'}
        onClick={() => {
          setRisk(props.lockoutRisk?.());
          setMounted(true);
          setOpen(true);
        }}
      >
        {messages.removeButton}
      </button>
      {mounted && (
        <RemoveConfirmation
          {...props}
          id={contentId}
          open={open}
          onOpenChange={setOpen}
          trigger={trigger}
          risk={risk}
        />
      )}
    </>
  );
}

interface RemoveConfirmationProps extends RemoveConnectionDialogProps {
  id: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Gets focus back when the dialog closes without removing. */
  trigger: RefObject<HTMLButtonElement | null>;
  risk: LockoutRisk | undefined;
}

function RemoveConfirmation({
  organizationId,
  connectionId,
  name,
  presentation: { messages, locale, rootProps, slot },
  onRemoved,
  onError,
  focusAfterRemoval,
  id,
  open,
  onOpenChange,
  trigger,
  risk,
  view,
}: RemoveConfirmationProps) {
  const remove = useRemoveOrgConnection(organizationId, { view });
  const riskId = `${id}-lockout`;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) remove.reset();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay {...rootProps} {...slot('confirm-overlay')} />
        <Dialog.Content
          {...rootProps}
          id={id}
          role="alertdialog"
          data-lockout={risk}
          // Radix adds the description after it: the lockout is read first.
          aria-describedby={risk && riskId}
          onCloseAutoFocus={(event) => {
            // Radix would return focus to its own trigger, which this dialog does not use. Once removed, the row
            // (with the button) is gone from the list the moment the cache drops it.
            event.preventDefault();
            if (trigger.current?.isConnected) trigger.current.focus();
            else focusAfterRemoval();
          }}
          {...slot('confirm-content')}
        >
          <Dialog.Title {...slot('confirm-title')}>{messages.removeTitle(name)}</Dialog.Title>
          <Dialog.Description {...slot('confirm-description')}>{messages.removeDescription}</Dialog.Description>
          {risk && (
            <p id={riskId} {...slot('confirm-warning')}>
              {messages[`lockout${keyPart(risk)}`]}
            </p>
          )}
          {remove.isError && (
            <p role="alert" {...slot('confirm-message')}>
              {describeError(remove.error, messages, locale)}
            </p>
          )}
          <div {...slot('confirm-actions')}>
            <Dialog.Close type="button" {...slot('button')}>
              {messages.cancel}
            </Dialog.Close>
            <button
              type="button"
              {...slot('button')}
              data-variant="danger"
              // Not `disabled`: focus stays on it while the request is pending and after a failure.
              aria-disabled={remove.isPending || undefined}
              onClick={() => {
                if (remove.isPending) return;
                // Not `mutate`'s callbacks: they are skipped once this component is gone, and the row goes with
                // the removed connection. A failure is shown from the mutation's state.
                remove.mutateAsync(connectionId).then(onRemoved, (error: Error) => onError?.(error));
              }}
            >
              {messages.removeConfirm}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
