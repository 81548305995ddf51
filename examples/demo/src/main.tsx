import { createManagementApiClient, serverRollouts, type View } from '@org-connections/core';
import {
  ConnectionRolloutDialog,
  LoginPromptPreview,
  type OrgConnectionsColorScheme,
  OrgConnectionsList,
  OrgConnectionsProvider,
  useTenantConnections,
} from '@org-connections/react';
import { connectionIcons } from '@org-connections/react/icons';
import { messages as ar } from '@org-connections/react/locales/ar';
import { messages as arRollout } from '@org-connections/react/locales/ar/rollout';
import { messages as de } from '@org-connections/react/locales/de';
import { messages as deRollout } from '@org-connections/react/locales/de/rollout';
import { messages as en } from '@org-connections/react/locales/en';
import { messages as enRollout } from '@org-connections/react/locales/en/rollout';
import { messages as es } from '@org-connections/react/locales/es';
import { messages as esRollout } from '@org-connections/react/locales/es/rollout';
import { messages as fr } from '@org-connections/react/locales/fr';
import { messages as frRollout } from '@org-connections/react/locales/fr/rollout';
import { messages as ja } from '@org-connections/react/locales/ja';
import { messages as jaRollout } from '@org-connections/react/locales/ja/rollout';
import '@org-connections/react/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HandMadeRequest } from './hand-made-request';
import './demo.css';

interface DemoSession {
  role: View | undefined;
  organizationId: string;
  upstream: 'fake' | 'auth0';
}

// The browser holds no Management API token: every request goes to the host backend's guard.
const api = createManagementApiClient({ baseUrl: '/api/org-connections', rollouts: serverRollouts });

async function session(role?: View): Promise<DemoSession> {
  const response = await fetch('/demo/session', {
    method: role ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: role ? JSON.stringify({ role }) : null,
  });
  if (!response.ok) throw new Error(`The demo server answered ${response.status}.`);
  return response.json();
}

const ROLES: { role: View; label: string }[] = [
  { role: 'tenant-admin', label: 'Tenant admin (your staff)' },
  { role: 'org-admin', label: 'Org admin of the customer organization' },
];

/**
 * The six languages the components ship, each in its own name; Arabic lays the page out right to left. The rollout
 * dialog's words are their own entry per language, given beside the others.
 */
const LANGUAGES = {
  en: { name: 'English', messages: { ...en, ...enRollout } },
  de: { name: 'Deutsch', messages: { ...de, ...deRollout } },
  fr: { name: 'Français', messages: { ...fr, ...frRollout } },
  es: { name: 'Español', messages: { ...es, ...esRollout } },
  ja: { name: '日本語', messages: { ...ja, ...jaRollout } },
  ar: { name: 'العربية', messages: { ...ar, ...arRollout } },
} as const;
type Language = keyof typeof LANGUAGES;
const SCHEMES: { scheme: OrgConnectionsColorScheme; label: string }[] = [
  { scheme: 'light', label: 'Light' },
  { scheme: 'dark', label: 'Dark' },
  { scheme: 'system', label: 'System' },
];

/** The tenant admin's rollout: pick one of the tenant's connections (the first page), then roll it out. */
function RolloutPanel() {
  const connections = useTenantConnections();
  const items = connections.data?.pages.flatMap((page) => page.items) ?? [];
  const [connectionId, setConnectionId] = useState<string>();
  const chosen = connectionId ?? items[0]?.id;
  if (chosen === undefined) return null;
  return (
    <section className="demo-rollout" aria-label="Rollout">
      <label>
        Connection{' '}
        <select value={chosen} onChange={(event) => setConnectionId(event.target.value)}>
          {items.map((connection) => (
            <option key={connection.id} value={connection.id}>
              {connection.displayName ?? connection.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <ConnectionRolloutDialog key={chosen} connectionId={chosen} />
    </section>
  );
}

interface RolePageProps {
  role: View;
  organizationId: string;
  upstream: string;
  language: Language;
  scheme: OrgConnectionsColorScheme;
}

/**
 * One cache per role: what a tenant admin has loaded is not what an org admin may see. The list and the login prompt
 * preview side by side read that cache, so a switch moved in the list changes the prompt in the same frame.
 */
function RolePage({ role, organizationId, upstream, language, scheme }: RolePageProps) {
  const [queryClient] = useState(() => new QueryClient());
  const theme = useMemo(() => ({ colorScheme: scheme }), [scheme]);
  return (
    <OrgConnectionsProvider
      api={api}
      queryClient={queryClient}
      locale={language}
      messages={LANGUAGES[language].messages}
      theme={theme}
      icons={connectionIcons}
    >
      {role === 'tenant-admin' && <RolloutPanel />}
      <div className="demo-panes">
        <OrgConnectionsList organizationId={organizationId} view={role} />
        <LoginPromptPreview organizationId={organizationId} view={role} />
      </div>
      <HandMadeRequest organizationId={organizationId} presets={upstream === 'fake'} />
    </OrgConnectionsProvider>
  );
}

function Demo() {
  const [current, setCurrent] = useState<DemoSession>();
  const [problem, setProblem] = useState<string>();
  const [language, setLanguage] = useState<Language>('en');
  const [scheme, setScheme] = useState<OrgConnectionsColorScheme>('system');
  // The page follows the components: its direction and language, and its colours (the `color-scheme` its CSS reads).
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  }, [language]);
  useEffect(() => {
    document.documentElement.style.colorScheme = scheme === 'system' ? 'light dark' : scheme;
  }, [scheme]);
  const switchTo = (role: View) => session(role).then(setCurrent, (error: Error) => setProblem(error.message));

  useEffect(() => {
    session().then(
      (info) => (info.role ? setCurrent(info) : session('org-admin').then(setCurrent)),
      (error: Error) => setProblem(error.message),
    );
  }, []);

  return (
    <main className="demo">
      <header className="demo-header">
        <h1>Login connections</h1>
        <p>
          Components in the browser, <code>@org-connections/server</code> on this page&apos;s backend,{' '}
          {current?.upstream === 'auth0' ? 'your Auth0 tenant' : 'the fake Auth0 tenant over HTTP'} behind it.
        </p>
        <fieldset className="demo-roles">
          <legend>Signed in as</legend>
          {ROLES.map(({ role, label }) => (
            <label key={role}>
              <input
                type="radio"
                name="role"
                value={role}
                checked={current?.role === role}
                onChange={() => switchTo(role)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <div className="demo-settings">
          <label>
            Language{' '}
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {Object.entries(LANGUAGES).map(([tag, { name }]) => (
                <option key={tag} value={tag} lang={tag}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="demo-roles">
            <legend>Colour scheme</legend>
            {SCHEMES.map(({ scheme: value, label }) => (
              <label key={value}>
                <input
                  type="radio"
                  name="scheme"
                  value={value}
                  checked={scheme === value}
                  onChange={() => setScheme(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        </div>
      </header>
      {problem && <p role="alert">{problem}</p>}
      {current?.role && (
        <RolePage
          key={current.role}
          role={current.role}
          organizationId={current.organizationId}
          upstream={current.upstream}
          language={language}
          scheme={scheme}
        />
      )}
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Demo />
    </StrictMode>,
  );
