import { OrgConnectionsProvider } from '@org-connections/react';
import type { Decorator } from '@storybook/react-vite';
import { fakeTenantOf } from './fake-tenant-loader';

/** Wraps every story in `<OrgConnectionsProvider>` with the story's client and QueryClient (`parameters.provider`). */
export const withOrgConnectionsProvider: Decorator = (Story, context) => {
  const providerProps = context.parameters.provider;
  if (providerProps === false) return <Story />;
  const { api, queryClient } = fakeTenantOf(context);
  return (
    <OrgConnectionsProvider api={api} queryClient={queryClient} {...providerProps}>
      <Story />
    </OrgConnectionsProvider>
  );
};
