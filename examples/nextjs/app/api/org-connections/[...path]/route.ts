import { orgConnectionsHandler } from '../../../../server/org-connections';

// The guard from @org-connections/server answers every method the components use (Web Fetch API: Request in,
// Response out; it reads the raw body itself).
const handle = async (request: Request) => (await orgConnectionsHandler())(request);

export { handle as GET, handle as POST, handle as PATCH, handle as DELETE };
