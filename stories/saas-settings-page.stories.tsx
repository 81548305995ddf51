import { AccessLevelSelect, AddConnectionDialog, LoginPromptPreview, OrgConnectionsList } from '@org-connections/react';
import { seedIds } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import './saas-settings-page.stories.css';
import { storyMessages as messages } from '../.storybook/story-locale';

const organizationId = seedIds.organizations.acme;

/**
 * The three components inside a host page with CSS of its own: a Tailwind-v4-like preflight in
 * `@layer base` (buttons without background or border, lists without bullets, headings at body size,
 * `box-sizing: content-box`), utility classes in `@layer utilities`, and unlayered page styles that set
 * an inherited serif font, colour and line height on the whole page. Everything is scoped to
 * `.saas-page`, so other stories never see it.
 */
function SaasSettingsPage() {
  return (
    <div className="saas-page">
      <nav className="saas-nav" aria-label="Settings">
        <p className="saas-brand">Acme Cloud</p>
        <ul>
          <li>
            <a href="#general">General</a>
          </li>
          <li>
            <a href="#members">Members</a>
          </li>
          <li>
            <a href="#sso" aria-current="page">
              Single sign-on
            </a>
          </li>
        </ul>
      </nav>
      <main className="saas-main">
        <h1 className="saas-title">Organization settings</h1>
        <p className="saas-lede">Choose how the people of Acme Corp log in.</p>

        <section className="saas-card" aria-labelledby="saas-connections">
          <div className="saas-card-header">
            <h2 id="saas-connections">Login connections</h2>
            <AddConnectionDialog
              organizationId={organizationId}
              trigger={
                <button type="button" className="saas-button u-font-bold">
                  Enable a connection
                </button>
              }
            />
          </div>
          <div className="saas-connections-layout">
            <OrgConnectionsList
              organizationId={organizationId}
              view="tenant-admin"
              classNames={{ root: 'u-shadow-sm u-rounded-lg', list: 'u-bg-white' }}
            />
            <LoginPromptPreview organizationId={organizationId} view="tenant-admin" />
          </div>
        </section>

        <section className="saas-card" aria-labelledby="saas-defaults">
          <h2 id="saas-defaults">Defaults for new connections</h2>
          <form className="saas-form" onSubmit={(event) => event.preventDefault()}>
            <label htmlFor="saas-default-level">Default organization admin access</label>
            <AccessLevelSelect id="saas-default-level" name="defaultAccessLevel" defaultValue="readonly" />
            <input className="saas-input" aria-label="Note for the audit log" placeholder="Note for the audit log" />
            <button type="submit" className="saas-button">
              Save defaults
            </button>
          </form>
        </section>
      </main>
    </div>
  );
}

const meta = {
  title: 'Recipes/SaaS settings page',
  component: SaasSettingsPage,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof SaasSettingsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const style = (element: Element | null) => {
  if (element === null) throw new Error('The element is missing.');
  return getComputedStyle(element);
};

/** Neither side's CSS leaks into the other, and the components still work inside the page. */
export const SaasSettingsPageStory: Story = {
  name: 'SaaS settings page',
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('region', { name: messages.listLabel });
    await waitFor(() => expect(list).toHaveAttribute('data-state', 'ready'));

    await step('the host keeps its own styles', async () => {
      const hostButton = canvas.getByRole('button', { name: 'Save defaults' });
      await expect(style(hostButton).backgroundColor).toBe('rgb(88, 28, 135)');
      await expect(style(hostButton).borderRadius).toBe('999px');
      await expect(style(canvas.getByRole('heading', { level: 1 })).fontFamily).toContain('Georgia');
      await expect(style(canvas.getByRole('heading', { level: 2, name: 'Login connections' })).fontSize).toBe('16px');
      await expect(style(canvas.getByRole('textbox', { name: 'Note for the audit log' })).boxSizing).toBe(
        'content-box',
      );
      await expect(style(document.body).fontFamily).not.toContain('system-ui, sans-serif');
    });

    await step('the components keep theirs', async () => {
      await expect(style(list).fontFamily).toContain('system-ui');
      await expect(style(list).color).toBe('rgb(24, 24, 27)');
      await expect(style(list).lineHeight).not.toBe(style(canvas.getByRole('main')).lineHeight);
      const add = within(list).getByRole('button', { name: messages.addConnection });
      await expect(style(add).backgroundColor).toBe('rgb(36, 86, 214)');
      await expect(style(add).borderTopWidth).toBe('1px');
      await expect(style(list.querySelector('[data-slot="list"]')).borderTopStyle).toBe('solid');
      const toggle = within(list).getAllByRole('switch')[0] ?? null;
      await expect(style(toggle).borderRadius).not.toBe('0px');
      await expect(style(toggle).backgroundColor).toBe('rgb(36, 86, 214)');
      await expect(style(list.querySelector('[data-slot="row"]')).boxSizing).toBe('border-box');
    });

    await step('host utility classes passed through classNames apply on top', async () => {
      await expect(style(list).boxShadow).not.toBe('none');
      await expect(style(list).borderTopLeftRadius).toBe('12px');
    });

    await step('the login prompt preview beside the list follows a switch moved in the list', async () => {
      const preview = canvas.getByRole('region', { name: messages.loginPromptLabel });
      const hiddenButton = messages.loginPromptContinueWith('Société Générale SSO');
      await expect(within(preview).queryByText(hiddenButton)).not.toBeInTheDocument();
      const row = within(within(list).getByRole('group', { name: 'Société Générale SSO' }));
      await userEvent.click(row.getByRole('switch', { name: messages.fieldShowAsButton }));
      await expect(within(preview).getByText(hiddenButton)).toBeVisible();
      await expect(style(preview.querySelector('[data-slot="prompt"]')).borderTopStyle).toBe('solid');
    });

    await step('the components work in the page', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Enable a connection' }));
      const dialog = within(await within(document.body).findByRole('dialog'));
      await expect(await dialog.findByRole('option', { name: /^Apple\b/ })).toBeVisible();
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(within(document.body).queryByRole('dialog')).not.toBeInTheDocument());

      const select = canvas.getByRole('combobox', { name: 'Default organization admin access' });
      await userEvent.click(select);
      await userEvent.click(canvas.getByRole('option', { name: new RegExp(`^${messages.accessLevelLimited}`) }));
      await expect(select).toHaveTextContent(messages.accessLevelLimited);
    });
  },
};

// ---- Languages: the same page and play function in each locale (`globals.locale`), with axe -----------------------

/** German, the longest strings: nothing overflows or wraps badly. */
export const SaasSettingsPageGerman: Story = {
  ...SaasSettingsPageStory,
  name: 'SaaS settings page (de)',
  globals: { locale: 'de' },
};
export const SaasSettingsPageFrench: Story = {
  ...SaasSettingsPageStory,
  name: 'SaaS settings page (fr)',
  globals: { locale: 'fr' },
};
export const SaasSettingsPageSpanish: Story = {
  ...SaasSettingsPageStory,
  name: 'SaaS settings page (es)',
  globals: { locale: 'es' },
};
export const SaasSettingsPageJapanese: Story = {
  ...SaasSettingsPageStory,
  name: 'SaaS settings page (ja)',
  globals: { locale: 'ja' },
};
/** Arabic: the components lay out right to left (`dir="rtl"` on their roots and dialogs) inside a left-to-right host. */
export const SaasSettingsPageArabic: Story = {
  ...SaasSettingsPageStory,
  name: 'SaaS settings page (ar)',
  globals: { locale: 'ar' },
};
