import { useOrgConnections } from '@org-connections/react';
import { seedIds } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { fakeTenantOf } from '../.storybook/fake-tenant-loader';

function Names() {
  const query = useOrgConnections(seedIds.organizations.acme);
  if (query.isError) return <p>error {query.error.message}</p>;
  return <ul>{query.data?.items.map((item) => <li key={item.connectionId}>{item.connection.name}</li>) ?? <li>loading</li>}</ul>;
}

const meta: Meta<typeof Names> = { title: 'Infra/Check', component: Names };
export default meta;
export const Works: StoryObj<typeof Names> = {
  play: async ({ canvasElement, ...context }) => {
    await expect(await within(canvasElement).findByText('github')).toBeVisible();
    const { tenant } = fakeTenantOf(context);
    await expect(tenant.requests.length).toBe(1);
  },
};
export const Scoped: StoryObj<typeof Names> = {
  parameters: { tenant: { scopes: [] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/error/)).toBeVisible();
  },
};
