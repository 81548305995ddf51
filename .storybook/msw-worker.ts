import { isCommonAssetRequest } from 'msw';
import { setupWorker } from 'msw/browser';
import { FAKE_TENANT_PATH, fakeTenantDispatcher } from './fake-tenant-registry';

/**
 * The worker msw-storybook-addon starts once per preview. Its script URL is relative to the preview
 * page, so a static build works from any folder (`public/mockServiceWorker.js` is copied beside
 * `iframe.html`). A request meant for a fake tenant that nothing answers is reported as an error.
 */
export async function startMockServiceWorker() {
  const worker = setupWorker(fakeTenantDispatcher);
  await worker.start({
    quiet: true,
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      if (isCommonAssetRequest(request)) return;
      if (new URL(request.url).pathname.startsWith(`${FAKE_TENANT_PATH}/`)) print.error();
    },
  });
  return worker;
}
