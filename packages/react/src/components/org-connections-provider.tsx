'use client';
import type { AccessPolicy, OrgConnectionsApi } from '@org-connections/core';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { mergeMessages, type OrgConnectionsMessages } from '../i18n/messages';
import type { ConnectionRolloutMessages } from '../i18n/rollout-messages';
import type { OrgConnectionsIcons } from './connection-logo';
import type { OrgConnectionsTheme } from './theme';

export interface OrgConnectionsProviderProps {
  /** The data source: a Management API client, a My Organization API client, or any `OrgConnectionsApi`. */
  api: OrgConnectionsApi;
  /**
   * The cache to use. Without it the provider uses the host's `QueryClientProvider` when there is one,
   * and otherwise creates its own.
   */
  queryClient?: QueryClient;
  theme?: OrgConnectionsTheme;
  /**
   * The words: a whole locale (`@org-connections/react/locales/de`) or a few keys, over the built-in English; with
   * the rollout dialog's beside them (`@org-connections/react/locales/de/rollout`) for an app that shows it.
   */
  messages?: Partial<OrgConnectionsMessages> & Partial<ConnectionRolloutMessages>;
  /**
   * A BCP 47 tag: times, countdowns, numbers and plurals follow it (`Intl`), and the components' roots and dialogs
   * get its `lang` and `dir` (`ar` lays out right to left). The runtime's default formatting, and the page's
   * direction, when omitted.
   */
  locale?: string;
  /** Loosens what `limited` allows, as Auth0's OpenAPI does. */
  policy?: AccessPolicy;
  /**
   * Logos for the rows, the picker and the login prompt preview: `connectionIcons` from `@org-connections/react/icons`
   * (opt in: an app that does not import it ships none), or your own.
   */
  icons?: OrgConnectionsIcons;
  children?: ReactNode;
}

export interface OrgConnectionsContextValue {
  api: OrgConnectionsApi;
  queryClient: QueryClient;
  theme: OrgConnectionsTheme;
  messages: OrgConnectionsMessages;
  locale: string | undefined;
  policy: AccessPolicy | undefined;
  icons: OrgConnectionsIcons | undefined;
}

/** `null` outside a provider: components that need no data source work there too, with the defaults. */
export const OrgConnectionsContext = createContext<OrgConnectionsContextValue | null>(null);

const createQueryClient = () => new QueryClient();

export function OrgConnectionsProvider({
  api,
  queryClient,
  theme,
  messages,
  locale,
  policy,
  icons,
  children,
}: OrgConnectionsProviderProps) {
  const hostClient = useContext(QueryClientContext);
  const [ownClient] = useState(createQueryClient);
  const client = queryClient ?? hostClient ?? ownClient;
  const value = useMemo<OrgConnectionsContextValue>(
    () => ({ api, queryClient: client, theme: theme ?? {}, messages: mergeMessages(messages), locale, policy, icons }),
    [api, client, theme, messages, locale, policy, icons],
  );
  const content = <OrgConnectionsContext.Provider value={value}>{children}</OrgConnectionsContext.Provider>;
  return client === hostClient ? content : <QueryClientProvider client={client}>{content}</QueryClientProvider>;
}

export function useOrgConnectionsContext(): OrgConnectionsContextValue {
  const context = useContext(OrgConnectionsContext);
  if (!context) throw new Error('Render inside <OrgConnectionsProvider>.');
  return context;
}
