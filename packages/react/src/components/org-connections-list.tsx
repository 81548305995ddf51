'use client';
import {
  CONNECTION_KIND_FILTERS,
  type ConnectionKindFilter,
  canAddOrRemoveConnections,
  connectionLimitStatus,
  lockoutRisk,
  matchesKindFilter,
  promptHasNoVisibleConnection,
  searchMatcher,
  seesEveryConnection,
  type View,
} from '@org-connections/core';
import { type ComponentPropsWithoutRef, forwardRef, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type OrgConnectionsEvents, useEventsRef } from '../hooks/org-connections-events';
import {
  type OrgConnectionsComponentProps,
  useOrgConnectionsPresentation,
} from '../hooks/use-org-connections-presentation';
import { useSectionRoot } from '../hooks/use-section-root';
import { useVisibleOrgConnections } from '../hooks/use-visible-org-connections';
import { keyPart } from '../i18n/messages';
import { AddConnectionDialog } from './add-connection-dialog';
import { ConnectionRow, connectionName } from './connection-row';
import { ReadState } from './read-state';
import type { OrgConnectionsListSlot } from './slots';

/** Above this many rows the list offers search and a kind filter. */
const SEARCH_THRESHOLD = 8;

interface OrgConnectionsListOwnProps
  extends OrgConnectionsComponentProps<OrgConnectionsListSlot>,
    OrgConnectionsEvents {
  organizationId: string;
  view: View;
  /**
   * The id of the connection the current admin signed in with (`event.connection.id` in a post-login Action, put in
   * the session as a custom claim: README). Switching it off or removing it asks first, saying that they and everyone
   * else who signs in with it lose access; so does switching off or removing the last enabled connection.
   */
  signedInWith?: string;
  /** Applied to the root, after `classNames.root`. */
  className?: string;
}

/** Its own props, and any of a `<section>` (the root, where the ref goes too). */
export interface OrgConnectionsListProps
  extends OrgConnectionsListOwnProps,
    Omit<ComponentPropsWithoutRef<'section'>, keyof OrgConnectionsListOwnProps> {}

/**
 * The connections enabled for an organization, with what `view` may do to each. `classNames` and `unstyled`
 * reach the parts it embeds too (the add and remove dialogs, the access level select).
 */
export const OrgConnectionsList = forwardRef<HTMLElement, OrgConnectionsListProps>(function OrgConnectionsList(
  {
    organizationId,
    view,
    signedInWith,
    theme,
    classNames,
    unstyled,
    messages: messagesProp,
    onAdded,
    onRemoved,
    onUpdated,
    onError,
    ...rest
  },
  forwardedRef,
) {
  const events = useEventsRef({ onAdded, onRemoved, onUpdated, onError });
  const presentation = useOrgConnectionsPresentation({ theme, classNames, unstyled, messages: messagesProp });
  const { messages, slot } = presentation;
  // Only what the view may see is read, anywhere (rows, count, warning): the client hands over every connection.
  // Read in the writer's event, so a change made in a row shows in that row in the same frame (the cache is the one
  // optimistic copy).
  const { query, visible: loaded, supports, status, loginPrompt } = useVisibleOrgConnections(organizationId, view);
  const visible = loaded ?? [];
  // What a switch-off or removal would lock out, judged when it is about to happen over the connections shown then;
  // stable (a ref), like everything else the memoized rows get.
  const shownNow = useRef(visible);
  useEffect(() => {
    shownNow.current = visible;
  });
  const riskOf = useCallback(
    (connectionId: string) => lockoutRisk({ connections: shownNow.current, connectionId, signedInWith }),
    [signedInWith],
  );
  // Each announcement is a new node of the live region, so saying the same thing twice is heard twice.
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });
  // Stable, like everything else the memoized rows get.
  const announce = useCallback((text: string) => setAnnouncement(({ count }) => ({ text, count: count + 1 })), []);
  const [search, setSearch] = useState('');
  const [kindFilter, setKindFilter] = useState<ConnectionKindFilter>('all');
  const limitReasonId = useId();
  const seesAll = seesEveryConnection(view);
  const canAdd = canAddOrRemoveConnections(view) && supports('addConnection');
  const limit = connectionLimitStatus(visible);
  // For an org admin, the server's verdict over every connection (hidden ones too) when it gives one.
  const warning = promptHasNoVisibleConnection(visible, loginPrompt);
  const matches = searchMatcher(search);
  const shown = visible.filter(
    (connection) =>
      matchesKindFilter(connection.kind, kindFilter) &&
      matches([connection.organizationConnectionName, connection.connection.name, connection.connection.strategy]),
  );
  const state = status === 'loaded' ? (visible.length ? 'ready' : 'empty') : status;
  const root = useSectionRoot({ rest, forwardedRef, presentation, label: messages.listLabel, state });
  const focusList = root.focus;
  const addButton = (
    <button
      type="button"
      disabled={limit.reached}
      aria-describedby={limit.reached ? limitReasonId : undefined}
      {...slot('add-button')}
    >
      {messages.addConnection}
    </button>
  );

  return (
    <section {...root.props}>
      {status === 'loaded' && (seesAll || warning) && (
        <div {...slot('header')}>
          {seesAll && (
            <p {...slot('count')}>{messages.connectionCount(limit.count, limit.limit, presentation.format)}</p>
          )}
          {canAdd && (
            // At the limit the trigger is disabled, and says why.
            <AddConnectionDialog
              organizationId={organizationId}
              theme={theme}
              classNames={classNames}
              unstyled={unstyled}
              messages={messagesProp}
              trigger={addButton}
              onAdded={(added) => {
                announce(messages.added(connectionName(added)));
                events.current?.onAdded?.(added);
              }}
              onError={(error, details) => events.current?.onError?.(error, details)}
            />
          )}
          {canAdd && limit.reached && (
            <p id={limitReasonId} {...slot('limit-reason')}>
              {messages.limitReached(limit.limit, presentation.format)}
            </p>
          )}
          {warning && (
            <p role="note" {...slot('warning')}>
              {messages.visibilityWarning}
            </p>
          )}
        </div>
      )}
      <ReadState
        status={status}
        query={query}
        skeletons={3}
        focusAfterRecovery={focusList}
        presentation={presentation}
      />
      {state === 'empty' && (
        <div {...slot('state')} data-state="empty">
          <p>
            <strong>{messages.emptyTitle}</strong>
          </p>
          <p>{canAdd ? messages.emptyDescriptionCanAdd : messages.emptyDescription}</p>
        </div>
      )}
      {state === 'ready' && visible.length > SEARCH_THRESHOLD && (
        <div {...slot('toolbar')}>
          <input
            type="search"
            aria-label={messages.searchLabel}
            placeholder={messages.searchLabel}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            {...slot('search')}
          />
          <select
            aria-label={messages.kindFilterLabel}
            value={kindFilter}
            onChange={(event) => setKindFilter(event.target.value as ConnectionKindFilter)}
            {...slot('kind-filter')}
          >
            {CONNECTION_KIND_FILTERS.map((option) => (
              <option key={option} value={option}>
                {option === 'all' ? messages.allKinds : messages[`kind${keyPart(option)}`]}
              </option>
            ))}
          </select>
        </div>
      )}
      {state === 'ready' &&
        (shown.length ? (
          <ul {...slot('list')}>
            {shown.map((connection) => (
              <ConnectionRow
                key={connection.connectionId}
                organizationId={organizationId}
                connection={connection}
                view={view}
                presentation={presentation}
                supports={supports}
                announce={announce}
                focusAfterRemoval={focusList}
                events={events}
                lockoutRisk={riskOf}
              />
            ))}
          </ul>
        ) : (
          <p {...slot('state')} data-state="empty">
            {messages.noMatches}
          </p>
        ))}
      <div
        role="status"
        {...slot('announcer')}
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}
      >
        <span key={announcement.count}>{announcement.text}</span>
      </div>
    </section>
  );
});
