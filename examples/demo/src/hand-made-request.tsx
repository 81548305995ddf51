import { seedIds } from '@org-connections/testing';
import { type FormEvent, useId, useState } from 'react';

const c = seedIds.connections;
const o = seedIds.organizations;

interface RequestDraft {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body: string;
}

/** Requests an org admin might craft in devtools, for the fake tenant's seed (Acme). */
function presetsFor(organizationId: string): { label: string; request: RequestDraft }[] {
  const connection = (id: string) => `/organizations/${organizationId}/connections/${id}`;
  return [
    {
      label: 'Switch off a readonly connection',
      request: { method: 'PATCH', path: connection(c.github), body: '{"is_enabled": false}' },
    },
    {
      label: "Turn on a limited connection's membership",
      request: { method: 'PATCH', path: connection(c.google), body: '{"assign_membership_on_login": true}' },
    },
    {
      label: 'Raise an access level',
      request: { method: 'PATCH', path: connection(c.google), body: '{"organization_access_level": "full"}' },
    },
    {
      label: 'Read a connection hidden from you',
      request: { method: 'GET', path: connection(c.contosoEntra), body: '' },
    },
    { label: 'Remove a connection', request: { method: 'DELETE', path: connection(c.usernamePassword), body: '' } },
    {
      label: "Read another organization's connections",
      request: { method: 'GET', path: `/organizations/${o.initech}/connections`, body: '' },
    },
    { label: 'Read the tenant’s users', request: { method: 'GET', path: '/users', body: '' } },
    {
      label: 'Switch off a limited connection (allowed)',
      request: { method: 'PATCH', path: connection(c.google), body: '{"is_enabled": false}' },
    },
  ];
}

/**
 * Sends a request by hand to the guard, as someone with the browser's devtools could: the guard, not the
 * components, decides what reaches Auth0.
 */
export function HandMadeRequest({ organizationId, presets }: { organizationId: string; presets: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<RequestDraft>({
    method: 'GET',
    path: `/organizations/${organizationId}/connections`,
    body: '',
  });
  const [answer, setAnswer] = useState<string>();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setAnswer('Sending…');
    try {
      const response = await fetch(`/api/org-connections${draft.path}`, {
        method: draft.method,
        headers: draft.body ? { 'content-type': 'application/json' } : {},
        body: draft.method === 'GET' || draft.method === 'DELETE' ? null : draft.body,
      });
      const text = await response.text();
      setAnswer(`${response.status} ${response.statusText}\n${text}`);
    } catch (error) {
      setAnswer(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="demo-hand-made" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>A hand-made request</h2>
      <p>
        What the page&apos;s user could send from devtools. Try each as both roles: the guard answers by who is calling,
        judging the connection as Auth0 has it.
      </p>
      {presets && (
        <div className="demo-presets">
          {presetsFor(organizationId).map((preset) => (
            <button key={preset.label} type="button" onClick={() => setDraft(preset.request)}>
              {preset.label}
            </button>
          ))}
        </div>
      )}
      <form onSubmit={send}>
        <label htmlFor={`${id}-method`}>Method</label>
        <select
          id={`${id}-method`}
          value={draft.method}
          onChange={(event) => setDraft({ ...draft, method: event.target.value as RequestDraft['method'] })}
        >
          {['GET', 'POST', 'PATCH', 'DELETE'].map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <label htmlFor={`${id}-path`}>Path after /api/org-connections</label>
        <input
          id={`${id}-path`}
          value={draft.path}
          onChange={(event) => setDraft({ ...draft, path: event.target.value })}
        />
        <label htmlFor={`${id}-body`}>JSON body</label>
        <textarea
          id={`${id}-body`}
          rows={3}
          value={draft.body}
          onChange={(event) => setDraft({ ...draft, body: event.target.value })}
        />
        <button type="submit">Send</button>
      </form>
      {answer && (
        <pre className="demo-answer" aria-live="polite">
          {answer}
        </pre>
      )}
    </section>
  );
}
