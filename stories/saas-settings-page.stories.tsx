import { AccessLevelSelect, AddConnectionDialog, LoginPromptPreview, OrgConnectionsList } from '@org-connections/react';
import { seedIds } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import './saas-settings-page.stories.css';
import { storyMessages as messages, type StoryLocale, storyLocaleOf } from '../.storybook/story-locale';

const organizationId = seedIds.organizations.acme;

/** The host page's own words: a host translates its page as the components' locales translate them. */
const HOST_WORDS = {
  en: {
    settings: 'Settings',
    general: 'General',
    members: 'Members',
    sso: 'Single sign-on',
    title: 'Organization settings',
    lede: 'Choose how the people of Acme Corp log in.',
    connections: 'Login connections',
    enable: 'Enable a connection',
    defaults: 'Defaults for new connections',
    defaultLevel: 'Default organization admin access',
    note: 'Note for the audit log',
    save: 'Save defaults',
  },
  de: {
    settings: 'Einstellungen',
    general: 'Allgemein',
    members: 'Mitglieder',
    sso: 'Single Sign-on',
    title: 'Organisationseinstellungen',
    lede: 'Legen Sie fest, wie sich die Mitarbeitenden von Acme Corp anmelden.',
    connections: 'Anmeldeverbindungen',
    enable: 'Verbindung aktivieren',
    defaults: 'Standards für neue Verbindungen',
    defaultLevel: 'Standardzugriff für Organisationsadmins',
    note: 'Notiz für das Audit-Log',
    save: 'Standards speichern',
  },
  fr: {
    settings: 'Paramètres',
    general: 'Général',
    members: 'Membres',
    sso: 'Authentification unique',
    title: 'Paramètres de l’organisation',
    lede: 'Choisissez comment les personnes d’Acme Corp se connectent.',
    connections: 'Méthodes de connexion',
    enable: 'Activer une connexion',
    defaults: 'Valeurs par défaut des nouvelles connexions',
    defaultLevel: 'Accès par défaut des admins de l’organisation',
    note: 'Note pour le journal d’audit',
    save: 'Enregistrer les valeurs par défaut',
  },
  es: {
    settings: 'Configuración',
    general: 'General',
    members: 'Miembros',
    sso: 'Inicio de sesión único',
    title: 'Configuración de la organización',
    lede: 'Elija cómo inician sesión las personas de Acme Corp.',
    connections: 'Conexiones de inicio de sesión',
    enable: 'Habilitar una conexión',
    defaults: 'Valores predeterminados de las conexiones nuevas',
    defaultLevel: 'Acceso predeterminado de administradores de la organización',
    note: 'Nota para el registro de auditoría',
    save: 'Guardar valores predeterminados',
  },
  ja: {
    settings: '設定',
    general: '一般',
    members: 'メンバー',
    sso: 'シングルサインオン',
    title: '組織の設定',
    lede: 'Acme Corp のメンバーのログイン方法を選択します。',
    connections: 'ログイン接続',
    enable: '接続を有効にする',
    defaults: '新しい接続の既定値',
    defaultLevel: '組織管理者の既定のアクセス権',
    note: '監査ログ用のメモ',
    save: '既定値を保存',
  },
  ar: {
    settings: 'الإعدادات',
    general: 'عام',
    members: 'الأعضاء',
    sso: 'تسجيل الدخول الموحّد',
    title: 'إعدادات المنظمة',
    lede: 'اختر طريقة تسجيل دخول أفراد Acme Corp.',
    connections: 'اتصالات تسجيل الدخول',
    enable: 'تفعيل اتصال',
    defaults: 'الإعدادات الافتراضية للاتصالات الجديدة',
    defaultLevel: 'صلاحية مسؤولي المنظمة الافتراضية',
    note: 'ملاحظة لسجل التدقيق',
    save: 'حفظ الإعدادات الافتراضية',
  },
};
const hostWords = (locale: StoryLocale) => HOST_WORDS[locale === 'en-XA' ? 'en' : locale];

/**
 * The three components inside a host page with CSS of its own: a Tailwind-v4-like preflight in
 * `@layer base` (buttons without background or border, lists without bullets, headings at body size,
 * `box-sizing: content-box`), utility classes in `@layer utilities`, and unlayered page styles that set
 * an inherited serif font, colour and line height on the whole page. Everything is scoped to
 * `.saas-page`, so other stories never see it.
 */
function SaasSettingsPage({ locale = 'en' }: { locale?: StoryLocale }) {
  const words = hostWords(locale);
  return (
    <div className="saas-page" lang={locale} dir={locale === 'ar' ? 'rtl' : 'ltr'}>
      <nav className="saas-nav" aria-label={words.settings}>
        <p className="saas-brand">Acme Cloud</p>
        <ul>
          <li>
            <a href="#general">{words.general}</a>
          </li>
          <li>
            <a href="#members">{words.members}</a>
          </li>
          <li>
            <a href="#sso" aria-current="page">
              {words.sso}
            </a>
          </li>
        </ul>
      </nav>
      <main className="saas-main">
        <h1 className="saas-title">{words.title}</h1>
        <p className="saas-lede">{words.lede}</p>

        <section className="saas-card" aria-labelledby="saas-connections">
          <div className="saas-card-header">
            <h2 id="saas-connections">{words.connections}</h2>
            <AddConnectionDialog
              organizationId={organizationId}
              trigger={
                <button type="button" className="saas-button u-font-bold">
                  {words.enable}
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
          <h2 id="saas-defaults">{words.defaults}</h2>
          <form className="saas-form" onSubmit={(event) => event.preventDefault()}>
            <label htmlFor="saas-default-level">{words.defaultLevel}</label>
            <AccessLevelSelect id="saas-default-level" name="defaultAccessLevel" defaultValue="readonly" />
            <input className="saas-input" aria-label={words.note} placeholder={words.note} />
            <button type="submit" className="saas-button">
              {words.save}
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
  // The page in the toolbar's language (`globals.locale`), as the components are.
  render: (_, { globals }) => <SaasSettingsPage locale={storyLocaleOf(globals)} />,
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
  play: async ({ canvasElement, step, globals }) => {
    const canvas = within(canvasElement);
    const words = hostWords(storyLocaleOf(globals));
    const list = await canvas.findByRole('region', { name: messages.listLabel });
    await waitFor(() => expect(list).toHaveAttribute('data-state', 'ready'));

    await step('the host keeps its own styles', async () => {
      const hostButton = canvas.getByRole('button', { name: words.save });
      await expect(style(hostButton).backgroundColor).toBe('rgb(88, 28, 135)');
      await expect(style(hostButton).borderRadius).toBe('999px');
      await expect(style(canvas.getByRole('heading', { level: 1 })).fontFamily).toContain('Georgia');
      await expect(style(canvas.getByRole('heading', { level: 2, name: words.connections })).fontSize).toBe('16px');
      await expect(style(canvas.getByRole('textbox', { name: words.note })).boxSizing).toBe('content-box');
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
      await userEvent.click(canvas.getByRole('button', { name: words.enable }));
      const dialog = within(await within(document.body).findByRole('dialog'));
      await expect(await dialog.findByRole('option', { name: /^Apple\b/ })).toBeVisible();
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(within(document.body).queryByRole('dialog')).not.toBeInTheDocument());

      const select = canvas.getByRole('combobox', { name: words.defaultLevel });
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
