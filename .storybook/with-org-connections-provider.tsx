import { OrgConnectionsProvider } from '@org-connections/react';
import type { Decorator } from '@storybook/react-vite';
import { fakeTenantOf } from './fake-tenant-loader';
import { STORY_LOCALES, storyLocaleOf } from './story-locale';

/**
 * Wraps every story in `<OrgConnectionsProvider>` with the story's client and QueryClient, in the language of
 * `globals.locale` (the toolbar), with `parameters.provider` over them.
 */
export const withOrgConnectionsProvider: Decorator = (Story, context) => {
  const providerProps = context.parameters.provider;
  if (providerProps === false) return <Story />;
  const { api, queryClient } = fakeTenantOf(context);
  const locale = storyLocaleOf(context.globals);
  const { messages, ...rest } = providerProps ?? {};
  return (
    <OrgConnectionsProvider
      api={api}
      queryClient={queryClient}
      locale={locale}
      {...rest}
      messages={{ ...STORY_LOCALES[locale].messages, ...STORY_LOCALES[locale].rollout, ...messages }}
    >
      <Story />
    </OrgConnectionsProvider>
  );
};
