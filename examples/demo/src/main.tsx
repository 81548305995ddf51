import { createManagementApiClient, type View } from '@org-connections/core';
import { OrgConnectionsList, OrgConnectionsProvider } from '@org-connections/react';
import '@org-connections/react/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HandMadeRequest } from './hand-made-request';
import './demo.css';

interface DemoSession {
  role: View | undefined;
  organizationId: string;
  upstream: 'fake' | 'auth0';
}

// The browser holds no Management API token: every request goes to the host backend's guard.
const api = createManagementApiClient({ baseUrl: '/api/org-connections' });

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

/** One cache per role: what a tenant admin has loaded is not what an org admin may see. */
function RolePage({ role, organizationId, upstream }: { role: View; organizationId: string; upstream: string }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <OrgConnectionsList organizationId={organizationId} view={role} />
      <HandMadeRequest organizationId={organizationId} presets={upstream === 'fake'} />
    </OrgConnectionsProvider>
  );
}

function Demo() {
  const [current, setCurrent] = useState<DemoSession>();
  const [problem, setProblem] = useState<string>();
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
      </header>
      {problem && <p role="alert">{problem}</p>}
      {current?.role && (
        <RolePage
          key={current.role}
          role={current.role}
          organizationId={current.organizationId}
          upstream={current.upstream}
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
