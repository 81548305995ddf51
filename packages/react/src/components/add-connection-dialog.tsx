'use client';
import {
  applyDraftChange,
  type ConnectionDraft,
  connectionLimitStatus,
  createConnectionDraft,
  draftSubmitPayload,
  type OrgConnection,
  type OrgConnectionsFeature,
  type TenantConnection,
} from '@org-connections/core';
import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  forwardRef,
  type ReactElement,
  type ReactNode,
  type Ref,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { OrgConnectionsErrorDetails } from '../hooks/org-connections-events';
import { tenantConnectionsQueryOptions } from '../hooks/org-connections-query-options';
import { useAddOrgConnection } from '../hooks/use-add-org-connection';
import { useControllableState } from '../hooks/use-controllable-state';
import { useOrgConnections } from '../hooks/use-org-connections';
import {
  type OrgConnectionsComponentProps,
  type OrgConnectionsPresentation,
  useOrgConnectionsPresentation,
} from '../hooks/use-org-connections-presentation';
import { describeError } from '../i18n/describe-error';
import { ConnectionPicker, connectionPickerFilter } from './connection-picker';
import { ConnectionSettingsForm } from './connection-settings-form';
import { useOrgConnectionsContext } from './org-connections-provider';
import type { AddConnectionDialogSlot, DialogSlot } from './slots';
import { cx } from './theme';

interface AddConnectionDialogOwnProps extends OrgConnectionsComponentProps<AddConnectionDialogSlot> {
  organizationId: string;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * The element that opens the dialog (one element, given the trigger's behaviour). Default: an
   * "Add connection" button. `null` renders none: open the dialog with `open`.
   */
  trigger?: ReactElement | null;
  /** After the connection was added (and the organization's cached list holds it): once, with the server's answer. */
  onAdded?: (connection: OrgConnection) => void;
  /** After a save failed (the dialog says why and keeps everything): once per attempt. */
  onError?: (error: Error, details: OrgConnectionsErrorDetails) => void;
}

/**
 * Its own props, and those of Radix's `Dialog.Content` (the dialog element, where the ref goes too): a
 * `className` after `classNames['dialog-content']`, a `style`, `onOpenAutoFocus`, `onEscapeKeyDown`, ...
 */
export interface AddConnectionDialogProps
  extends AddConnectionDialogOwnProps,
    Omit<
      ComponentPropsWithoutRef<typeof Dialog.Content>,
      keyof AddConnectionDialogOwnProps | 'asChild' | 'forceMount'
    > {}

/**
 * Enables a tenant connection for an organization: pick one of the tenant's connections not yet
 * added, configure it, save. A failed save keeps everything and says why.
 */
export const AddConnectionDialog = forwardRef<HTMLDivElement, AddConnectionDialogProps>(function AddConnectionDialog(
  {
    organizationId,
    open: openProp,
    defaultOpen = false,
    onOpenChange,
    onAdded,
    onError,
    theme,
    classNames,
    unstyled,
    messages: messagesProp,
    ...frameProps
  },
  ref,
) {
  const presentation = useOrgConnectionsPresentation({ theme, classNames, unstyled, messages: messagesProp });
  const { api } = useOrgConnectionsContext();
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const queryClient = useQueryClient();
  const openChange = (next: boolean) => {
    // The picker's first page leaves with the click, under the key the picker then reads.
    if (next)
      void queryClient.prefetchInfiniteQuery(
        tenantConnectionsQueryOptions(api, connectionPickerFilter('all', organizationId)),
      );
    setOpen(next);
  };
  return (
    <DialogFrame
      presentation={presentation}
      open={open}
      onOpenChange={openChange}
      buttonSlot="add-button"
      buttonLabel={presentation.messages.addConnection}
      contentRef={ref}
      contentProps={frameProps}
    >
      <AddConnectionSteps
        organizationId={organizationId}
        presentation={presentation}
        supports={(feature) => api.supports?.(feature) !== false}
        onAdded={(connection) => {
          setOpen(false);
          onAdded?.(connection);
        }}
        onError={onError}
      />
    </DialogFrame>
  );
});

/**
 * The dialogs' shell, the rollout dialog's too (internal): the trigger (`undefined`: a button in `buttonSlot` saying
 * `buttonLabel`; `null`: none; else the host's element), the overlay and the dialog element, which takes Radix's
 * `Dialog.Content` props, the ref, the theme, and `className` after `classNames['dialog-content']`.
 */
export function DialogFrame<Slot extends string>({
  presentation: { rootProps, slot, classNames },
  open,
  onOpenChange,
  buttonSlot,
  buttonLabel,
  contentRef,
  contentProps: { trigger, className, style, ...contentProps },
  children,
}: {
  presentation: OrgConnectionsPresentation<Slot | DialogSlot>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  buttonSlot: Slot;
  buttonLabel: string;
  contentRef: Ref<HTMLDivElement>;
  contentProps: ComponentPropsWithoutRef<typeof Dialog.Content> & { trigger?: ReactElement | null };
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger === undefined ? (
        <span {...rootProps}>
          <Dialog.Trigger type="button" {...slot(buttonSlot)}>
            {buttonLabel}
          </Dialog.Trigger>
        </span>
      ) : (
        trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      )}
      <Dialog.Portal>
        <Dialog.Overlay {...rootProps} {...slot('dialog-overlay')} />
        <Dialog.Content
          {...contentProps}
          {...rootProps}
          ref={contentRef}
          style={{ ...rootProps.style, ...style }}
          data-slot="dialog-content"
          className={cx(classNames?.['dialog-content'], className)}
        >
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface AddConnectionStepsProps {
  organizationId: string;
  presentation: OrgConnectionsPresentation<AddConnectionDialogSlot>;
  /** The data source's features: settings it does not offer are not shown or sent. */
  supports: (feature: OrgConnectionsFeature) => boolean;
  onAdded: (connection: OrgConnection) => void;
  onError?: (error: Error, details: OrgConnectionsErrorDetails) => void;
}

/** The dialog's content; it mounts with the dialog, so every open starts afresh. */
function AddConnectionSteps({ organizationId, presentation, supports, onAdded, onError }: AddConnectionStepsProps) {
  const { messages, locale, slot } = presentation;
  const formId = useId();
  const organization = useOrgConnections(organizationId);
  // Adding is a tenant admin's (the list offers this dialog to no one else): their rules check the settings.
  const add = useAddOrgConnection(organizationId, { view: 'tenant-admin' });
  const [step, setStep] = useState<'pick' | 'configure'>('pick');
  const [picked, setPicked] = useState<TenantConnection>();
  const [draft, setDraft] = useState<ConnectionDraft>();
  const listRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const added = organization.data?.items;
  // Unknown until the organization's list is in (nothing is offered before); if it cannot be loaded, the
  // server still refuses a connection that is already enabled (409).
  const listFailed = organization.isError;
  const excluded = useMemo(
    () => (added || listFailed ? new Set(added?.map((connection) => connection.connectionId)) : undefined),
    [added, listFailed],
  );
  const limit = connectionLimitStatus(added ?? []);
  // Opening focuses the search (Radix's open auto-focus); moving between steps focuses the new step.
  const stepMoved = useRef(false);
  useEffect(() => {
    if (!stepMoved.current) return;
    stepMoved.current = false;
    (step === 'pick' ? listRef.current : formRef.current?.querySelector<HTMLElement>('input, button'))?.focus();
  }, [step]);
  const moveTo = (next: 'pick' | 'configure') => {
    stepMoved.current = true;
    setStep(next);
  };

  const configure = (connection = picked) => {
    if (!connection) return;
    setPicked(connection);
    if (draft?.connectionId !== connection.id) setDraft(createConnectionDraft({ tenantConnection: connection }));
    add.reset();
    moveTo('configure');
  };
  const back = () => moveTo('pick');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !picked || add.isPending || limit.reached) return;
    const attempted = applyDraftChange(draft, { type: 'touch-all' });
    setDraft(attempted);
    if (!attempted.isValid) return nameRef.current?.focus();
    const connectionId = picked.id;
    // The call's own promise, not `mutate`'s callbacks: those are skipped once the dialog has closed (cancelled while
    // the request was on its way), and the host still hears of the answer.
    add
      .mutateAsync({ connectionId, ...draftSubmitPayload(attempted, { supports }) })
      .then(onAdded, (error: Error) => onError?.(error, { operation: 'add', connectionId }));
  };

  const button = slot('button');
  return (
    <>
      <Dialog.Title {...slot('dialog-title')}>{messages.addConnectionTitle}</Dialog.Title>
      <Dialog.Description {...slot('dialog-description')}>
        {limit.reached
          ? messages.limitReached(limit.limit, presentation.format)
          : step === 'pick'
            ? messages.pickConnectionDescription
            : messages.configureConnectionDescription(picked?.displayName ?? picked?.name ?? '')}
      </Dialog.Description>
      {!limit.reached && (
        <ConnectionPicker
          organizationId={organizationId}
          hidden={step !== 'pick'}
          excluded={excluded}
          value={picked}
          onValueChange={setPicked}
          onPick={configure}
          presentation={presentation}
          listRef={listRef}
        />
      )}
      {step === 'configure' && draft && (
        <form id={formId} ref={formRef} {...slot('form')} onSubmit={submit} noValidate>
          <ConnectionSettingsForm
            id={formId}
            draft={draft}
            onChange={(change) => setDraft((current) => current && applyDraftChange(current, change))}
            supports={supports}
            presentation={presentation}
            nameRef={nameRef}
          />
        </form>
      )}
      {add.isError && (
        <p role="alert" {...slot('alert')}>
          {describeError(add.error, messages, locale)}
        </p>
      )}
      <div {...slot('dialog-actions')}>
        {step === 'configure' && (
          <button type="button" {...button} onClick={back}>
            {messages.back}
          </button>
        )}
        <Dialog.Close type="button" {...button}>
          {messages.cancel}
        </Dialog.Close>
        {limit.reached ? null : step === 'pick' ? (
          <button
            key="next"
            type="button"
            {...button}
            data-variant="primary"
            disabled={!picked}
            onClick={() => configure()}
          >
            {messages.next}
          </button>
        ) : (
          // A new element (key): the Next button turning into this one mid-click would submit the form.
          <button
            key="save"
            type="submit"
            form={formId}
            {...button}
            data-variant="primary"
            aria-disabled={add.isPending}
          >
            {add.isPending ? messages.adding : messages.save}
          </button>
        )}
      </div>
    </>
  );
}
