'use client';
import {
  type LoginPromptFlow,
  type LoginPromptForm,
  loginPromptModel,
  seesEveryConnection,
  type View,
} from '@org-connections/core';
import { type ComponentPropsWithoutRef, forwardRef, useId, useMemo } from 'react';
import {
  type OrgConnectionsComponentProps,
  useOrgConnectionsPresentation,
} from '../hooks/use-org-connections-presentation';
import { useSectionRoot } from '../hooks/use-section-root';
import { useVisibleOrgConnections } from '../hooks/use-visible-org-connections';
import type { OrgConnectionsMessages } from '../i18n/messages';
import { ConnectionLogo } from './connection-logo';
import { connectionName } from './connection-row';
import { ReadState } from './read-state';
import type { LoginPromptPreviewSlot } from './slots';
import type { SlotProps } from './theme';

interface LoginPromptPreviewOwnProps extends OrgConnectionsComponentProps<LoginPromptPreviewSlot> {
  organizationId: string;
  /** As on the list: in `org-admin` the preview is built only from what the organization admin may see. */
  view: View;
  /** How users reach the prompt; decides how hidden enterprise connections are reached. Default `organization-known`. */
  flow?: LoginPromptFlow;
  /** Applied to the root, after `classNames.root`. */
  className?: string;
}

/** Its own props, and any of a `<section>` (the root, where the ref goes too). */
export interface LoginPromptPreviewProps
  extends LoginPromptPreviewOwnProps,
    Omit<ComponentPropsWithoutRef<'section'>, keyof LoginPromptPreviewOwnProps> {}

/** One pictured form: its connection's name, its fields and action as text (nothing here can be focused or typed in). */
function PromptForm({
  form,
  messages,
  slot,
}: {
  form: LoginPromptForm;
  messages: OrgConnectionsMessages;
  slot: SlotProps<LoginPromptPreviewSlot>;
}) {
  const sms = form.type === 'passwordless' && form.channel === 'sms';
  return (
    <div
      {...slot('prompt-form')}
      data-kind={form.connection.kind}
      data-channel={form.type === 'passwordless' ? form.channel : undefined}
    >
      <p {...slot('prompt-form-name')}>
        <ConnectionLogo strategy={form.connection.connection.strategy} kind={form.connection.kind} slot={slot} />
        {connectionName(form.connection)}
      </p>
      <p {...slot('prompt-input')}>{sms ? messages.loginPromptPhone : messages.loginPromptEmail}</p>
      {form.type === 'credentials' && <p {...slot('prompt-input')}>{messages.loginPromptPassword}</p>}
      <p {...slot('prompt-action')} data-variant="primary">
        {messages.loginPromptContinue}
      </p>
      {form.type === 'credentials' && form.signup && <p {...slot('prompt-link')}>{messages.loginPromptSignup}</p>}
    </div>
  );
}

/**
 * What the organization's users see when they log in, drawn from the same cache as `<OrgConnectionsList>`: a change
 * made in the list shows here in the same frame. A picture labelled as a preview, not a working form; hidden
 * enterprise connections are listed with how they are still reached, and a prompt that cannot work says so.
 */
export const LoginPromptPreview = forwardRef<HTMLElement, LoginPromptPreviewProps>(function LoginPromptPreview(
  { organizationId, view, flow = 'organization-known', theme, classNames, unstyled, messages: messagesProp, ...rest },
  forwardedRef,
) {
  const presentation = useOrgConnectionsPresentation({ theme, classNames, unstyled, messages: messagesProp });
  const { messages, slot } = presentation;
  // What the list shows, read as the list reads it (in the writer's event): an org admin's preview never names a
  // `none` connection.
  const { query, visible, status, loginPrompt } = useVisibleOrgConnections(organizationId, view);
  const captionId = useId();
  // For an org admin, the server's verdict over every connection (hidden ones too) decides whether login works.
  const model = useMemo(
    () => visible && loginPromptModel(visible, { flow, loginPrompt }),
    [visible, flow, loginPrompt],
  );
  const state = status === 'loaded' && model ? model.state : status;
  const root = useSectionRoot({ rest, forwardedRef, presentation, label: messages.loginPromptLabel, state });

  return (
    <section {...root.props} data-flow={flow}>
      <ReadState
        status={status}
        query={query}
        skeletons={1}
        focusAfterRecovery={root.focus}
        presentation={presentation}
      />
      {status === 'loaded' && model && (
        <>
          <figure aria-labelledby={captionId} {...slot('prompt')} data-state={model.state}>
            <figcaption id={captionId} {...slot('caption')}>
              {messages.loginPromptCaption}
            </figcaption>
            <p {...slot('prompt-title')}>{messages.loginPromptTitle}</p>
            {model.forms.map((form) => (
              <PromptForm key={form.connection.connectionId} form={form} messages={messages} slot={slot} />
            ))}
            {model.forms.length > 0 && model.buttons.length > 0 && (
              <p {...slot('prompt-divider')}>{messages.loginPromptOr}</p>
            )}
            {model.buttons.length > 0 && (
              <ul {...slot('prompt-connections')}>
                {model.buttons.map((connection) => (
                  <li key={connection.connectionId} {...slot('prompt-connection')} data-kind={connection.kind}>
                    <ConnectionLogo strategy={connection.connection.strategy} kind={connection.kind} slot={slot} />
                    {messages.loginPromptContinueWith(connectionName(connection))}
                  </li>
                ))}
              </ul>
            )}
            {model.failure && (
              <p role="note" {...slot('failure')}>
                {messages.visibilityWarning}
              </p>
            )}
            {model.state === 'empty' && <p {...slot('prompt-empty')}>{messages.loginPromptEmpty}</p>}
          </figure>
          {model.hidden.length > 0 && (
            <div {...slot('hidden')}>
              <p {...slot('hidden-title')}>
                {messages.loginPromptHiddenTitle(model.hidden.length, presentation.format)}
              </p>
              <ul {...slot('hidden-list')}>
                {model.hidden.map(({ connection, reachableThrough }) => (
                  <li key={connection.connectionId} {...slot('hidden-connection')} data-kind={connection.kind}>
                    <span {...slot('hidden-name')}>{connectionName(connection)}</span>{' '}
                    <span {...slot('hidden-route')}>
                      {reachableThrough.includes('home-realm-discovery')
                        ? messages.loginPromptHiddenByDiscovery
                        : messages.loginPromptHiddenByParameter}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {!seesEveryConnection(view) && <p {...slot('provider-note')}>{messages.loginPromptProviderNote}</p>}
        </>
      )}
    </section>
  );
});
