import { createManagementApiClient } from '@org-connections/core';
import {
  createFakeTenant,
  createHandlers,
  type FakeOperation,
  type FakeTenant,
  seedIds,
} from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';
import './styles.css';

const BASE_URL = 'https://tenant.test/api/v2';
const { acme } = seedIds.organizations;
const { oktaAcme } = seedIds.connections;
const worker = setupWorker();
let tenant: FakeTenant;

beforeAll(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterAll(() => worker.stop());
beforeEach(() => {
  tenant = createFakeTenant({ authentication: 'optional', rateLimits: false });
  worker.use(...createHandlers(tenant, { managementBaseUrl: BASE_URL }));
});
afterEach(() => worker.resetHandlers());

function renderList() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 } });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" />
      </main>
    </OrgConnectionsProvider>,
  );
}

const oktaOnServer = () => tenant.listOrganizationConnections(acme).find((item) => item.connection_id === oktaAcme);
const focusIsOffTheBody = () => expect(document.activeElement).not.toBe(document.body);

/** Each fault the server or the network can answer a write with, and what the person reads about it. */
const faults = [
  {
    fault: '429 with a reset time',
    inject: (operation: FakeOperation) => tenant.rateLimitNext({ retryAfterSeconds: 30, match: { operation } }),
    message: /Too many requests\. Try again at \d\d:\d\d:\d\d\./,
  },
  {
    fault: '503',
    inject: (operation: FakeOperation) => tenant.failNext({ status: 503, match: { operation } }),
    message: /The server had a problem\. Try again later\./,
  },
  {
    fault: 'a dropped connection',
    inject: (operation: FakeOperation) => tenant.failNext({ network: true, match: { operation } }),
    message: /The server could not be reached\./,
  },
  {
    fault: '403 with a scope',
    inject: (operation: FakeOperation) =>
      tenant.failNext({
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message:
            'Insufficient scope, expected any of: update:organization_connections,delete:organization_connections',
          errorCode: 'insufficient_scope',
        },
        match: { operation },
      }),
    message: /Missing permission: update:organization_connections, delete:organization_connections\./,
  },
  {
    fault: '400',
    inject: (operation: FakeOperation) =>
      tenant.failNext({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Connection is locked by policy',
          errorCode: 'invalid_body',
        },
        match: { operation },
      }),
    message: /The server refused the change: .*Connection is locked by policy/,
  },
  {
    fault: '401',
    inject: (operation: FakeOperation) => tenant.failNext({ status: 401, match: { operation } }),
    message: /Your session has expired\. Sign in again\./,
  },
];

describe('OrgConnectionsList under server and network faults, in a real browser', () => {
  it.each(faults)(
    'a rename under $fault keeps the editor, the typed name and focus, says why, and saves on Enter once the fault clears',
    async ({ inject, message }) => {
      renderList();
      await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
      await userEvent.click(screen.getByRole('button', { name: 'Rename Acme Okta' }));
      const input = screen.getByRole('textbox', { name: 'Name in this organization' });
      await userEvent.keyboard('{Control>}a{/Control}Okta for staff');
      tenant.setLatency(200);
      inject('updateOrganizationConnection');
      await userEvent.keyboard('{Enter}');

      // Pending: the field keeps its text and focus; the save button says it is not available.
      expect(input).toHaveFocus();
      expect(input).toHaveValue('Okta for staff');
      expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');

      // Failed: the reason by the field, the text still there, focus still in it, the server unchanged.
      await waitFor(() => expect(input).toHaveAccessibleDescription(message));
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveValue('Okta for staff');
      expect(input).toHaveFocus();
      expect(screen.getByRole('status')).toHaveTextContent(message);
      expect(oktaOnServer()?.organization_connection_name).toBe('Acme Okta');
      expect(screen.getByRole('group', { name: 'Acme Okta' })).toBeInTheDocument();

      // Retried with Enter once the fault has cleared.
      await userEvent.keyboard('{Enter}');
      const renamed = await screen.findByRole('button', { name: 'Rename Okta for staff' });
      expect(screen.queryByRole('textbox', { name: 'Name in this organization' })).toBeNull();
      expect(renamed).toHaveFocus();
      expect(screen.getByText('Okta for staff', { selector: '[data-slot="name"]' })).toBeVisible();
      expect(oktaOnServer()?.organization_connection_name).toBe('Okta for staff');
    },
  );

  it.each(faults)(
    'a removal under $fault keeps focus on the confirm button, says why in the dialog, and removes once the fault clears',
    async ({ inject, message }) => {
      const { container } = renderList();
      await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
      await userEvent.click(screen.getByRole('button', { name: 'Remove Acme Okta' }));
      const dialog = await screen.findByRole('alertdialog', { name: 'Remove Acme Okta?' });
      const confirm = within(dialog).getByRole('button', { name: 'Remove' });
      tenant.setLatency(200);
      inject('deleteOrganizationConnection');
      await userEvent.click(confirm);

      // Pending: still focused, marked unavailable, and a second click (which Playwright would wait to make) sends nothing.
      expect(confirm).toHaveFocus();
      expect(confirm).toHaveAttribute('aria-disabled', 'true');
      confirm.click();

      // Failed: the reason in the dialog, focus on the confirm button, the connection still there on both sides.
      await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(message));
      expect(confirm).toHaveFocus();
      expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
      expect(tenant.requests.filter((request) => request.operation === 'deleteOrganizationConnection')).toHaveLength(1);
      expect(oktaOnServer()).toBeDefined();
      // The list behind the modal is hidden from the accessibility tree: found by its name's text.
      expect(screen.getByText('Acme Okta', { selector: '[data-slot="name"]' })).toBeInTheDocument();
      focusIsOffTheBody();

      // Retried once the fault has cleared: the dialog closes and focus moves to the list.
      await userEvent.click(confirm);
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
      expect(screen.queryByText('Acme Okta', { selector: '[data-slot="name"]' })).toBeNull();
      expect(container.querySelector('[data-slot="root"]')).toHaveFocus();
      expect(oktaOnServer()).toBeUndefined();
    },
  );
});
