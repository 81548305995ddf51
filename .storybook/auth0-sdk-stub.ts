/**
 * Stands in for `auth0/legacy` in the browser. The server package loads the Auth0 SDK only for the
 * client-credentials grant, which a story never runs: a story's route gets its token from
 * `getManagementToken` (the fake tenant's), and no client secret belongs in a page.
 */
export class AuthenticationClient {
  constructor() {
    throw new Error(
      'The client-credentials grant does not run in Storybook: give the route `getManagementToken` instead.',
    );
  }
}
