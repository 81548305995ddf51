import * as Dialog from '@radix-ui/react-dialog';
import { useRef, useState } from 'react';
import { describeError } from './describe-error';
import type { OrgConnectionsListSlot } from './slots';
import type { OrgConnectionsComponent } from './use-org-connections-component';
import { useRemoveOrgConnection } from './use-remove-org-connection';

export interface RemoveConnectionDialogProps {
  organizationId: string;
  connectionId: string;
  name: string;
  component: OrgConnectionsComponent<OrgConnectionsListSlot>;
  onRemoved: () => void;
  /** Where focus goes once the dialog closes after removing (its trigger goes with the row). */
  focusAfterRemoval: () => void;
}

/** The remove button of a row and its confirmation; the connection stays in the tenant. */
export function RemoveConnectionDialog({
  organizationId,
  connectionId,
  name,
  component: { messages, locale, rootProps, slot },
  onRemoved,
  focusAfterRemoval,
}: RemoveConnectionDialogProps) {
  const [open, setOpen] = useState(false);
  const removed = useRef(false);
  const remove = useRemoveOrgConnection(organizationId);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) remove.reset();
  };
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger type="button" {...slot('remove-button')} aria-label={messages.remove(name)}>
        {messages.removeButton}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay {...rootProps} {...slot('dialog-overlay')} />
        <Dialog.Content
          {...rootProps}
          role="alertdialog"
          onCloseAutoFocus={(event) => {
            if (!removed.current) return;
            event.preventDefault();
            focusAfterRemoval();
          }}
          {...slot('dialog-content')}
        >
          <Dialog.Title {...slot('dialog-title')}>{messages.removeTitle(name)}</Dialog.Title>
          <Dialog.Description {...slot('dialog-description')}>{messages.removeDescription}</Dialog.Description>
          {remove.isError && (
            <p role="alert" {...slot('dialog-message')}>
              {describeError(remove.error, messages, locale)}
            </p>
          )}
          <div {...slot('dialog-actions')}>
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
                remove.mutate(connectionId, {
                  onSuccess: () => {
                    removed.current = true;
                    onRemoved();
                  },
                });
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
