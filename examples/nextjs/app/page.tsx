import { connection } from 'next/server';
import { exampleSession } from '../server/example-session';
import { ConnectionsSettings } from './connections-settings';

/**
 * A server component: it decides, on the server, whose settings page this is (the host's own session), and hands the
 * organization and view to the client component. No token or secret reaches the browser.
 */
export default async function ConnectionsPage() {
  await connection(); // rendered per request: the organization comes from the session, not from the build
  const session = await exampleSession();
  return (
    <main>
      <h1>Login connections</h1>
      <p>Which ways to sign in {session.organizationName} has, and how each behaves.</p>
      <ConnectionsSettings organizationId={session.organizationId} view={session.view} />
    </main>
  );
}
