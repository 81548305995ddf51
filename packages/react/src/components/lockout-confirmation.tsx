import type { LockoutRisk } from '@org-connections/core';
import * as Dialog from '@radix-ui/react-dialog';
import type { OrgConnectionsPresentation } from '../hooks/use-org-connections-presentation';
import { keyPart } from '../i18n/messages';
import type { OrgConnectionsListSlot } from './slots';

export interface LockoutConfirmationProps {
  /** What switching the connection off would lock out; the dialog is open while it is set. */
  risk: LockoutRisk | undefined;
  /** The connection's name in the organization. */
  name: string;
  presentation: OrgConnectionsPresentation<OrgConnectionsListSlot>;
  /** Switch it off. */
  onConfirm: () => void;
  /** Closed without switching it off (Cancel, Escape): nothing is sent. */
  onCancel: () => void;
  /** Gets focus once the dialog closes (the switch). */
  returnFocus: () => void;
}

/**
 * The confirmation before switching off a connection that locks people out (core's `lockoutRisk`): the one the admin
 * signed in with, or the last enabled one. It says what happens; the server would not refuse it.
 */
export function LockoutConfirmation({
  risk,
  name,
  presentation: { messages, rootProps, slot },
  onConfirm,
  onCancel,
  returnFocus,
}: LockoutConfirmationProps) {
  return (
    <Dialog.Root open={risk !== undefined} onOpenChange={(open) => open || onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay {...rootProps} {...slot('confirm-overlay')} />
        <Dialog.Content
          {...rootProps}
          role="alertdialog"
          data-lockout={risk}
          onCloseAutoFocus={(event) => {
            // Radix would return focus to its own trigger, which this dialog does not have.
            event.preventDefault();
            returnFocus();
          }}
          {...slot('confirm-content')}
        >
          <Dialog.Title {...slot('confirm-title')}>{messages.lockoutTitle(name)}</Dialog.Title>
          <Dialog.Description {...slot('confirm-description')}>
            {risk && messages[`lockout${keyPart(risk)}`]}
          </Dialog.Description>
          <div {...slot('confirm-actions')}>
            <Dialog.Close type="button" {...slot('button')}>
              {messages.cancel}
            </Dialog.Close>
            <button type="button" {...slot('button')} data-variant="danger" onClick={onConfirm}>
              {messages.lockoutConfirm}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
