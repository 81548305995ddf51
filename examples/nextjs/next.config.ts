import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

/** The monorepo: the workspace packages (TypeScript sources here) and the hoisted node_modules live above this app. */
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

const nextConfig: NextConfig = {
  // Inside this repository the packages resolve to their TypeScript sources; from the registry they are built, and
  // this line is not needed.
  transpilePackages: [
    '@org-connections/core',
    '@org-connections/react',
    '@org-connections/server',
    '@org-connections/testing',
  ],
  // The Auth0 SDK stays a plain Node import on the server.
  serverExternalPackages: ['auth0'],
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
};

export default nextConfig;
