import { AddConnectionDialog } from '@org-connections/react';
import { seedIds } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { fakeTenantOf } from '../.storybook/fake-tenant-loader';
import './add-connection-dialog.stories.css';
import { storyMessages as messages, storyFormat } from '../.storybook/story-locale';
import { expectSwitchesDrawn, forcedColorsA11y, inForcedColors } from './forced-colors';

const { organizations, connections } = seedIds;

const meta = {
  title: 'AddConnectionDialog',
  component: AddConnectionDialog,
  tags: ['autodocs'],
  // A modal dialog takes over its page: on the docs page each story renders in its own frame.
  parameters: { docs: { story: { inline: false, iframeHeight: 620 } } },
  args: { organizationId: organizations.acme, onAdded: fn(), onOpenChange: fn() },
  argTypes: {
    organizationId: { control: 'select', options: Object.values(organizations) },
    trigger: { control: false },
  },
} satisfies Meta<typeof AddConnectionDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const body = () => within(document.body);

/** Opens the dialog with its default trigger and returns it. */
async function openDialog(canvasElement: HTMLElement) {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: messages.addConnection }));
  return within(await body().findByRole('dialog', { name: messages.addConnectionTitle }));
}

type Dialog = Awaited<ReturnType<typeof openDialog>>;

/** Picks a connection by its display name, then goes on to configure it. */
async function pick(dialog: Dialog, displayName: string) {
  await userEvent.click(await dialog.findByRole('option', { name: new RegExp(`^${displayName}\\b`) }));
  await userEvent.click(dialog.getByRole('button', { name: messages.next }));
  return dialog.findByRole('textbox', { name: messages.fieldOrganizationConnectionName });
}

async function chooseAccessLevel(dialog: Dialog, label: string) {
  await userEvent.click(dialog.getByRole('combobox', { name: messages.fieldOrganizationAccessLevel }));
  await userEvent.click(await dialog.findByRole('option', { name: new RegExp(`^${label}`) }));
}

/** The whole flow: open, pick a connection of the tenant, configure it, save. */
export const AddAConnection: Story = {
  play: async ({ canvasElement, args, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const dialog = await openDialog(canvasElement);
    const name = await pick(dialog, 'Apple');
    await userEvent.type(name, 'Sign in with Apple');
    await chooseAccessLevel(dialog, messages.accessLevelLimited);
    await userEvent.click(dialog.getByRole('switch', { name: messages.fieldAssignMembershipOnLogin }));
    await userEvent.click(dialog.getByRole('button', { name: messages.save }));

    await waitFor(() => expect(body().queryByRole('dialog')).not.toBeInTheDocument());
    await expect(args.onAdded).toHaveBeenCalledWith(
      expect.objectContaining({ connectionId: connections.apple, organizationConnectionName: 'Sign in with Apple' }),
    );
    const added = tenant
      .listOrganizationConnections(organizations.acme)
      .find((c) => c.connection_id === connections.apple);
    await expect(added).toMatchObject({
      organization_connection_name: 'Sign in with Apple',
      organization_access_level: 'limited',
      assign_membership_on_login: true,
    });
    // Focus returns to the trigger.
    await expect(within(canvasElement).getByRole('button', { name: messages.addConnection })).toHaveFocus();
  },
};

/** Connections already enabled for the organization are not offered. */
export const ExcludesEnabledConnections: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(await dialog.findByRole('option', { name: /^Apple\b/ })).toBeVisible();
    await expect(dialog.getByRole('option', { name: /^Google Workspace\b/ })).toBeVisible();
    // Google (google-oauth2) and Acme Okta Workforce are already enabled for Acme.
    await expect(dialog.queryByRole('option', { name: /^Google google-oauth2\b/ })).not.toBeInTheDocument();
    await expect(dialog.queryByRole('option', { name: /^Acme Okta Workforce\b/ })).not.toBeInTheDocument();
  },
};

/** Search by name or display name, and filter by kind. */
export const SearchAndFilterByKind: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await userEvent.type(dialog.getByRole('searchbox', { name: messages.searchLabel }), 'work');
    await expect(await dialog.findByRole('option', { name: /^Google Workspace\b/ })).toBeVisible();
    await waitFor(() => expect(dialog.queryByRole('option', { name: /^Apple\b/ })).not.toBeInTheDocument());

    await userEvent.clear(dialog.getByRole('searchbox', { name: messages.searchLabel }));
    await userEvent.click(dialog.getByRole('button', { name: messages.kindDatabase }));
    await expect(dialog.getByRole('button', { name: messages.kindDatabase })).toHaveAttribute('aria-pressed', 'true');
    await expect(await dialog.findByRole('option', { name: /^Partner Portal\b/ })).toBeVisible();
    await waitFor(() => expect(dialog.getAllByRole('option')).toHaveLength(1));
  },
};

/** Keyboard only: arrow from the search into the list, Enter picks, the form takes focus. */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement }) => {
    within(canvasElement).getByRole('button', { name: messages.addConnection }).focus();
    await userEvent.keyboard('{Enter}');
    const dialog = within(await body().findByRole('dialog', { name: messages.addConnectionTitle }));
    await dialog.findAllByRole('option');
    const search = dialog.getByRole('searchbox', { name: messages.searchLabel });
    await waitFor(() => expect(search).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await expect(dialog.getByRole('listbox')).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const name = await dialog.findByRole('textbox', { name: messages.fieldOrganizationConnectionName });
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body().queryByRole('dialog')).not.toBeInTheDocument());
  },
};

/** A name is required before the access level leaves `none`: the form says so and sends nothing. */
export const NameRequiredForAccessLevel: Story = {
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const dialog = await openDialog(canvasElement);
    const name = await pick(dialog, 'Apple');
    await chooseAccessLevel(dialog, messages.accessLevelFull);
    await userEvent.click(dialog.getByRole('button', { name: messages.save }));
    await expect(await dialog.findByText(messages.nameRequired)).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(messages.nameRequired);
    await expect(name).toHaveFocus();
    await expect(tenant.requests.some((request) => request.method === 'POST')).toBe(false);
  },
};

/** A failed save keeps everything the person typed and chose, says why, and the next try succeeds. */
export const SaveFailureKeepsTheForm: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => tenant.failNext({ status: 500, match: { operation: 'createOrganizationConnection' } }),
    },
  },
  play: async ({ canvasElement, args }) => {
    const dialog = await openDialog(canvasElement);
    const name = await pick(dialog, 'Apple');
    await userEvent.type(name, 'Sign in with Apple');
    await chooseAccessLevel(dialog, messages.accessLevelReadonly);
    await userEvent.click(dialog.getByRole('button', { name: messages.save }));

    await expect(await dialog.findByRole('alert')).toHaveTextContent(messages.errorServer);
    await expect(name).toHaveValue('Sign in with Apple');
    await expect(dialog.getByRole('combobox', { name: messages.fieldOrganizationAccessLevel })).toHaveTextContent(
      messages.accessLevelReadonly,
    );
    await userEvent.click(dialog.getByRole('button', { name: messages.save }));
    await waitFor(() => expect(body().queryByRole('dialog')).not.toBeInTheDocument());
    await expect(args.onAdded).toHaveBeenCalledOnce();
  },
};

/** Someone else enabled it meanwhile (409): the message says it is already enabled. */
export const AlreadyEnabledConflict: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => tenant.failNext({ status: 409, match: { operation: 'createOrganizationConnection' } }),
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await pick(dialog, 'Apple');
    await userEvent.click(dialog.getByRole('button', { name: messages.save }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent(messages.errorConflict);
  },
};

/**
 * An enterprise connection with membership on authentication: the dialog says plainly who becomes a member (issue 23).
 */
export const MembershipOnAuthenticationNotice: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await pick(dialog, 'Initech ADFS');
    const membership = dialog.getByRole('switch', { name: messages.fieldAssignMembershipOnLogin });
    await expect(dialog.queryByText(messages.membershipNotice)).not.toBeInTheDocument();
    await userEvent.click(membership);
    await expect(dialog.getByText(messages.membershipNotice)).toBeVisible();
    await expect(membership).toHaveAccessibleDescription(messages.membershipNotice);
  },
};

/** The host does not let this organization add the connection (403 `connection_not_attachable`): it says so. */
export const ConnectionNotAttachable: Story = {
  parameters: {
    tenant: {
      setup: (tenant) =>
        tenant.failNext({
          status: 403,
          body: {
            statusCode: 403,
            error: 'Forbidden',
            message: 'Not attachable.',
            errorCode: 'connection_not_attachable',
          },
          match: { operation: 'createOrganizationConnection' },
        }),
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await pick(dialog, 'Initech ADFS');
    await userEvent.click(dialog.getByRole('button', { name: messages.save }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent(messages.errorConnectionNotAttachable);
  },
};

/** Initech is at the 10-connection limit: the dialog explains and offers nothing to pick. */
export const AtTheConnectionLimit: Story = {
  args: { organizationId: organizations.initech },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(await dialog.findByText(messages.limitReached(10, storyFormat))).toBeVisible();
    await expect(dialog.queryByRole('listbox')).not.toBeInTheDocument();
    await expect(dialog.queryByRole('button', { name: messages.next })).not.toBeInTheDocument();
  },
};

/** The tenant's connections could not be loaded: the picker says why and retries on request. */
export const PickerLoadError: Story = {
  parameters: {
    tenant: { setup: (tenant) => tenant.failNext({ status: 503, match: { operation: 'listConnections' } }) },
  },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(await dialog.findByText(messages.errorServer)).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: messages.retry }));
    await expect(await dialog.findByRole('option', { name: /^Apple\b/ })).toBeVisible();
    // The retry button went with the error: the keyboard is on the list of connections.
    await expect(dialog.getByRole('listbox')).toHaveFocus();
  },
};

/**
 * A tenant with 10,000 more connections: the picker loads 100 at a time (checkpoint paging) as the list
 * nears its end, renders only the rows in view, and finds an exact name however far down it is.
 */
export const TenThousandConnections: Story = {
  parameters: { tenant: { connections: 10_000 } },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const dialog = await openDialog(canvasElement);
    const listbox = await dialog.findByRole('listbox');
    await dialog.findAllByRole('option');
    const pagesLoaded = () => tenant.requests.filter((request) => request.operation === 'listConnections').length;
    const firstPages = pagesLoaded();
    await expect(firstPages).toBeLessThanOrEqual(2);
    await expect(dialog.getAllByRole('option').length).toBeLessThan(60);

    listbox.focus();
    await userEvent.keyboard('{ArrowDown}{End}');
    await waitFor(() => expect(pagesLoaded()).toBeGreaterThan(firstPages));
    await waitFor(() => expect(listbox).toHaveAttribute('aria-busy', 'false'));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(pagesLoaded()).toBeGreaterThan(firstPages + 1));
    await expect(dialog.getAllByRole('option').length).toBeLessThan(60);

    const last = tenant
      .listConnections()
      .map((connection) => connection.name)
      .sort()
      .at(-1);
    if (last === undefined) throw new Error('The tenant has no connections.');
    await userEvent.type(dialog.getByRole('searchbox', { name: messages.searchLabel }), last);
    await expect(await dialog.findByRole('option', { name: new RegExp(last) })).toBeVisible();
  },
};

/**
 * A search the loaded pages do not answer, on a tenant of about 2,000 connections: the picker reads at most five
 * more pages on its own and says how many connections it searched, then offers "Search all connections", which shows
 * its progress and can be stopped (the keyboard stays on the button throughout). Typing filters at once meanwhile.
 */
export const SearchAllAndStop: Story = {
  parameters: { tenant: { connections: 2_000, setup: (tenant) => tenant.setLatency(150) } },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const pagesRead = () =>
      tenant.requests.filter((request) => request.operation === 'listConnections' && !request.query.name).length;
    const dialog = await openDialog(canvasElement);
    await dialog.findAllByRole('option');
    const search = dialog.getByRole('searchbox', { name: messages.searchLabel });
    await userEvent.type(search, 'no-such-connection');
    const searchAll = await dialog.findByRole('button', { name: messages.searchAll }, { timeout: 10_000 });
    const status = dialog.getByRole('status');
    await expect(status).toHaveTextContent(messages.searchedFirst(600, storyFormat));
    await expect(pagesRead()).toBe(6);

    await userEvent.click(searchAll);
    const stop = await dialog.findByRole('button', { name: messages.stopSearching });
    await expect(stop).toHaveFocus();
    await waitFor(() => expect(pagesRead()).toBeGreaterThan(7), { timeout: 10_000 });
    await userEvent.click(stop);
    const stoppedAt = pagesRead();
    await expect(await dialog.findByRole('button', { name: messages.searchAll })).toHaveFocus();
    await expect(stoppedAt).toBeLessThan(21);
    // Every page read so far counts, except one aborted in flight by the stop.
    await expect([stoppedAt - 1, stoppedAt].map((pages) => messages.searchedFirst(pages * 100, storyFormat))).toContain(
      status.textContent?.replace(messages.searchAll, ''),
    );

    // Back to the loaded pages at once, without a request.
    await userEvent.clear(search);
    await expect((await dialog.findAllByRole('option')).length).toBeGreaterThan(0);
    await expect(pagesRead()).toBe(stoppedAt);
  },
};

/** Controlled: the host owns `open` (here a button of its own, and `trigger={null}`). */
export const Controlled: Story = {
  args: { trigger: null },
  render: function ControlledDialog(args) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" className="story-host-button" onClick={() => setOpen(true)}>
          Connect an identity provider
        </button>
        <AddConnectionDialog
          {...args}
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            args.onOpenChange?.(next);
          }}
        />
      </>
    );
  },
  play: async ({ canvasElement, args }) => {
    await expect(within(canvasElement).queryByRole('button', { name: messages.addConnection })).not.toBeInTheDocument();
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Connect an identity provider' }));
    const dialog = within(await body().findByRole('dialog'));
    await userEvent.click(dialog.getByRole('button', { name: messages.cancel }));
    await waitFor(() => expect(body().queryByRole('dialog')).not.toBeInTheDocument());
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
  },
};

/** Opens at once (`defaultOpen`); its content is portalled, and still carries the theme. */
export const DarkTheme: Story = {
  args: { defaultOpen: true, theme: { colorScheme: 'dark' } },
  play: async () => {
    const content = await body().findByRole('dialog');
    await expect(content).toHaveAttribute('data-color-scheme', 'dark');
    await expect(getComputedStyle(content).colorScheme).toBe('dark');
    await within(content).findAllByRole('option');
  },
};

/** A brand through `theme`: the primary button takes the brand colour, the dialog its radius. */
export const BrandTheme: Story = {
  args: {
    defaultOpen: true,
    theme: { colors: { primary: '#0f766e', primaryForeground: '#ffffff', ring: '#0f766e' }, radius: '18px' },
  },
  play: async () => {
    const dialog = within(await body().findByRole('dialog'));
    await userEvent.click(await dialog.findByRole('option', { name: /^Apple\b/ }));
    const next = dialog.getByRole('button', { name: messages.next });
    await expect(getComputedStyle(next).backgroundColor).toBe('rgb(15, 118, 110)');
  },
};

/** `classNames` per part of the dialog, applied after the library's own. */
export const ClassNamesOverrides: Story = {
  args: {
    defaultOpen: true,
    classNames: { 'dialog-content': 'story-dialog', 'picker-option': 'story-option', 'dialog-title': 'story-title' },
  },
  play: async () => {
    const dialog = await body().findByRole('dialog');
    await expect(dialog).toHaveClass('story-dialog');
    await expect(getComputedStyle(dialog).borderTopColor).toBe('rgb(234, 88, 12)');
    const [option] = await within(dialog).findAllByRole('option');
    await expect(option).toHaveClass('story-option');
  },
};

/** `unstyled`: the dialog has no library styles; its parts keep `data-slot` for the host's CSS. */
export const Unstyled: Story = {
  args: { defaultOpen: true, unstyled: true },
  play: async () => {
    const dialog = await body().findByRole('dialog');
    await expect(dialog).not.toHaveAttribute('data-oc-root');
    await expect(dialog).toHaveAttribute('data-slot', 'dialog-content');
    await within(dialog).findAllByRole('option');
  },
};

// ---- Right to left: what only Arabic shows (every story also runs in German and Arabic: vitest.config.ts) --------

/** The dialog is portalled out of the page: it carries `dir="rtl"` and `lang="ar"` itself. */
export const AddAConnectionArabic: Story = {
  ...AddAConnection,
  globals: { locale: 'ar' },
  play: async (context) => {
    const dialog = await openDialog(context.canvasElement);
    const element = body().getByRole('dialog');
    await expect(element).toHaveAttribute('dir', 'rtl');
    await expect(element).toHaveAttribute('lang', 'ar');
    await expect(dialog.getByRole('heading', { name: messages.addConnectionTitle })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body().queryByRole('dialog')).not.toBeInTheDocument());
    await AddAConnection.play?.(context);
  },
};

/** Forced colors (Windows high contrast; the toolbar's "Forced colors"): the dialog's edge, the picker, the form's switches. */
export const ForcedColors: Story = {
  globals: inForcedColors('light'),
  parameters: { a11y: forcedColorsA11y },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await pick(dialog, 'Apple');
    await expectSwitchesDrawn(body().getByRole('dialog'));
  },
};
