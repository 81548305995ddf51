import { isOrgConnectionsError, type OrgConnectionsError } from '../src/model/org-connections-error';

/** Awaits a call that must fail with an `OrgConnectionsError` and returns that error (tests only). */
export async function failure(promise: Promise<unknown>): Promise<OrgConnectionsError> {
  try {
    await promise;
  } catch (error) {
    if (isOrgConnectionsError(error)) return error;
    throw error;
  }
  throw new Error('Expected the call to fail.');
}
