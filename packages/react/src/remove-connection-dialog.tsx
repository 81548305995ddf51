import * as Dialog from '@radix-ui/react-dialog';
import { useRef, useState } from 'react';
import { describeError } from './describe-error';
import type { OrgConnectionsMessages } from './messages';
import type { OrgConnectionsListSlot } from './slots';
import { type ClassNames, cx, type RootProps } from './theme';
import { useRemoveOrgConnection } from './use-remove-org-connection';

export interface RemoveConnectionDialogProps {
  organizationId: string;
  connectionId: string;
  name: string;
  messages: OrgConnectionsMessages;
  locale: string | undefined;
  rootProps: RootProps;
  classNames?: ClassNames<OrgConnectionsListSlot> | undefined;
  onRemoved: () => void;
  /** Where focus goes once the dialog closes after removing (its trigger goes with the row). */
  focusAfterRemoval: () => void;
}

/** The remove button of a row and its confirmation; the connection stays in the tenant. */
export function RemoveConnectionDialog({
  organizationId,
  connectionId,
  name,
  messages,
  locale,
  rootProps,
  classNames,
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
      <Dialog.Trigger
        type="button"
        data-slot="remove-button"
        aria-label={messages.remove(name)}
        className={cx(classNames?.['remove-button'])}
      >
        {messages.removeButton}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay {...rootProps} data-slot="dialog-overlay" className={cx(classNames?.['dialog-overlay'])} />
        <Dialog.Content
          {...rootProps}
          role="alertdialog"
          onCloseAutoFocus={(event) => {
            if (!removed.current) return;
            event.preventDefault();
            focusAfterRemoval();
          }}
          data-slot="dialog-content"
          className={cx(classNames?.['dialog-content'])}
        >
          <Dialog.Title data-slot="dialog-title" className={cx(classNames?.['dialog-title'])}>
            {messages.removeTitle(name)}
          </Dialog.Title>
          <Dialog.Description data-slot="dialog-description" className={cx(classNames?.['dialog-description'])}>
            {messages.removeDescription}
          </Dialog.Description>
          {remove.isError && (
            <p role="alert" data-slot="dialog-message" className={cx(classNames?.['dialog-message'])}>
              {describeError(remove.error, messages, locale)}
            </p>
          )}
          <div data-slot="dialog-actions" className={cx(classNames?.['dialog-actions'])}>
            <Dialog.Close type="button" data-slot="button" className={cx(classNames?.button)}>
              {messages.cancel}
            </Dialog.Close>
            <button
              type="button"
              data-slot="button"
              data-variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(connectionId, {
                  onSuccess: () => {
                    removed.current = true;
                    onRemoved();
                  },
                })
              }
              className={cx(classNames?.button)}
            >
              {messages.removeConfirm}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
