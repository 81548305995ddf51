import * as z from 'zod/mini';
import { checkNewOrganizationConnection } from '../rules/guard-organization-connection-changes';
import type { OrgConnectionSettingsIssueCode } from '../rules/org-connection-settings-issues';
import { fromWireSettings, toWireSettings } from '../wire/org-connection-mapper';
import type { WireRolloutRequest, WireRolloutSettings } from '../wire/rollout-request-schema';
import type { ConnectionKind } from './connection-kind';
import type { OrgConnectionField, OrgConnectionSettings } from './org-connection';
import { ORG_CONNECTION_LIMIT } from './org-connection';
import type { OrgConnectionsErrorKind } from './org-connections-error';

/*
 * A rollout: one connection enabled in many organizations with the same settings, one paced, idempotent step per
 * organization. Only the server package runs them (Auth0 has no bulk endpoint); this is the model, the wire shapes
 * of `{base}/rollouts` and the pure rules both sides share.
 */

export type RolloutStatus = 'running' | 'paused' | 'cancelled' | 'done';
export const ROLLOUT_STATUSES: readonly RolloutStatus[] = ['running', 'paused', 'cancelled', 'done'];

/** What to do in an organization where the connection is already enabled. */
export type RolloutIfEnabled = 'skip' | 'update';

/** What happened in one organization. */
export type RolloutOutcome = 'added' | 'updated' | 'skipped_enabled' | 'skipped_limit' | 'failed';
export const ROLLOUT_OUTCOMES: readonly RolloutOutcome[] = [
  'added',
  'updated',
  'skipped_enabled',
  'skipped_limit',
  'failed',
];

/** A control a tenant admin may apply to a rollout. */
export type RolloutControl = 'pause' | 'resume' | 'cancel' | 'retry';
export const ROLLOUT_CONTROLS: readonly RolloutControl[] = ['pause', 'resume', 'cancel', 'retry'];

export interface RolloutCounts {
  added: number;
  updated: number;
  skippedEnabled: number;
  skippedLimit: number;
  failed: number;
  /** Organizations in scope not done yet (0 while the walk has not found them). */
  pending: number;
}

/** Why one organization failed: the error's kind and Auth0's code, as data. */
export interface RolloutFailureError {
  kind: OrgConnectionsErrorKind;
  code?: string;
  status?: number;
}

export interface RolloutFailure {
  organizationId: string;
  error: RolloutFailureError;
}

/** What a tenant admin asks for. */
export interface RolloutInput {
  connectionId: string;
  organizations: 'all' | string[];
  ifEnabled: RolloutIfEnabled;
  settings: OrgConnectionSettings;
  /**
   * A dry run: a rollout that writes nothing. Each step reads the organization and counts what the rollout would
   * do there; its progress and counts are read like a rollout's (`dryRun: true` on the resource).
   */
  dryRun?: boolean;
}

/** A rollout as the server describes it (the camelCase of the resource). */
export interface Rollout {
  id: string;
  status: RolloutStatus;
  /** Why a paused rollout stopped on its own (Auth0 refused the walk of the organizations); absent otherwise. */
  pausedReason?: RolloutFailureError;
  connectionId: string;
  organizations: 'all' | string[];
  ifEnabled: RolloutIfEnabled;
  settings: OrgConnectionSettings;
  counts: RolloutCounts;
  /** Organizations in scope, once known (`null` while the walk of all organizations runs). */
  total: number | null;
  failures: RolloutFailure[];
  /** Organizations done over the last minute. */
  ratePerMinute: number;
  createdAt: string;
  updatedAt: string;
  /** A dry run: its counts are what the rollout would do; it wrote nothing (never listed among the rollouts). */
  dryRun: boolean;
}

export function emptyRolloutCounts(): RolloutCounts {
  return { added: 0, updated: 0, skippedEnabled: 0, skippedLimit: 0, failed: 0, pending: 0 };
}

const COUNT_OF_OUTCOME = {
  added: 'added',
  updated: 'updated',
  skipped_enabled: 'skippedEnabled',
  skipped_limit: 'skippedLimit',
  failed: 'failed',
} as const satisfies Record<RolloutOutcome, keyof RolloutCounts>;

/** The counts' field an outcome adds to. */
export function rolloutCountOf(outcome: RolloutOutcome): keyof RolloutCounts {
  return COUNT_OF_OUTCOME[outcome];
}

// ---------------------------------------------------------------------------------------------------------------
// Rules

/** The most organizations a list may name (beyond that, roll out to `all`). */
export const ROLLOUT_MAX_LISTED_ORGANIZATIONS = 10_000;

export type RolloutInputIssueCode =
  | OrgConnectionSettingsIssueCode
  | 'organizations_empty'
  | 'organizations_too_many'
  | 'organization_duplicate'
  | 'not_permitted';

/** A rule a rollout input breaks: the field (a setting's model name, or `organizations`) and a code. */
export interface RolloutInputIssue {
  field: OrgConnectionField | 'settings' | 'organizations';
  code: RolloutInputIssueCode;
}

/**
 * The rules of a rollout, pure: the settings by the add dialog's own rules (`checkNewOrganizationConnection`, as
 * a tenant admin; `kind` when the connection is known), and a list of organizations that is not empty, not too
 * long and names each organization once. No issue: the input may be started.
 */
export function checkRolloutInput(
  input: Pick<RolloutInput, 'organizations' | 'settings'>,
  kind?: ConnectionKind,
): RolloutInputIssue[] {
  const issues: RolloutInputIssue[] = [];
  const { organizations } = input;
  if (organizations !== 'all') {
    if (organizations.length === 0) issues.push({ field: 'organizations', code: 'organizations_empty' });
    else if (organizations.length > ROLLOUT_MAX_LISTED_ORGANIZATIONS) {
      issues.push({ field: 'organizations', code: 'organizations_too_many' });
    } else if (new Set(organizations).size !== organizations.length) {
      issues.push({ field: 'organizations', code: 'organization_duplicate' });
    }
  }
  const verdict = checkNewOrganizationConnection({ view: 'tenant-admin', kind, settings: input.settings });
  for (const field of verdict.refused) issues.push({ field, code: 'not_permitted' });
  for (const { field, code } of verdict.issues) issues.push({ field, code });
  return issues;
}

/** What an organization looks like before its step: whether the connection is on, how many it has. */
export interface RolloutOrganizationState {
  /** The connection is already enabled in the organization. */
  alreadyEnabled: boolean;
  /** Connections the organization has (Auth0 allows `ORG_CONNECTION_LIMIT`). */
  connectionCount: number;
}

/**
 * The outcome for one organization whose state is known (a dry run reads it): skip or update where the connection
 * is on, skip at the 10-connection limit, add otherwise.
 */
export function rolloutOutcome(ifEnabled: RolloutIfEnabled, state: RolloutOrganizationState): RolloutOutcome {
  if (state.alreadyEnabled) return ifEnabled === 'update' ? 'updated' : 'skipped_enabled';
  if (state.connectionCount >= ORG_CONNECTION_LIMIT) return 'skipped_limit';
  return 'added';
}

/** The write a step sends: add the connection (POST), or update its settings (PATCH). */
export type RolloutWrite = 'add' | 'update';

/** What Auth0 answered a step's write. */
export type RolloutWriteResult =
  | { ok: true }
  | { ok: false; status: number; kind: OrgConnectionsErrorKind; code?: string };

/** Auth0's code for the 10-connection limit (a 409 like "already exists", told apart by its code). */
export const ORGANIZATION_CONNECTION_LIMIT_CODE = 'organization_connection_limit_reached';

/**
 * The next move of a step after a write, pure: an outcome; `update` (the add found the connection already
 * enabled and the rollout updates); or `retry` (Auth0 asked to wait: a 429, never a failure). A 409 from the
 * add means "already enabled" — an idempotent step, not an error. `inFlight`: this add was sent before its answer was
 * lost (a restart, the network), so a 409 is most likely the rollout's own earlier write: counted as added, and with
 * `ifEnabled: 'update'` still followed by the update, so the organization has the rollout's settings whichever it was.
 * `afterLostAdd`: this update follows such a 409; its success counts as the add.
 */
export function rolloutStepOutcome(input: {
  ifEnabled: RolloutIfEnabled;
  write: RolloutWrite;
  result: RolloutWriteResult;
  inFlight?: boolean;
  afterLostAdd?: boolean;
}): RolloutOutcome | 'update' | 'retry' {
  const { result, write } = input;
  if (result.ok) return write === 'add' || input.afterLostAdd === true ? 'added' : 'updated';
  if (result.status === 429) return 'retry';
  if (write === 'add' && result.status === 409) {
    if (result.code === ORGANIZATION_CONNECTION_LIMIT_CODE) return 'skipped_limit';
    if (input.ifEnabled === 'update') return 'update';
    return input.inFlight === true ? 'added' : 'skipped_enabled';
  }
  return 'failed';
}

// ---------------------------------------------------------------------------------------------------------------
// Wire

const wireCountsSchema = z.object({
  added: z.number(),
  updated: z.number(),
  skipped_enabled: z.number(),
  skipped_limit: z.number(),
  failed: z.number(),
  pending: z.number(),
});
export type WireRolloutCounts = z.infer<typeof wireCountsSchema>;

const wireFailureErrorSchema = z.object({
  kind: z.string(),
  code: z.optional(z.string()),
  status: z.optional(z.number()),
});

const wireFailureSchema = z.object({
  organization_id: z.string(),
  error: wireFailureErrorSchema,
});

/**
 * The settings a rollout resource reports: the add body's fields, read leniently (any other is dropped). An object of
 * known fields rather than a record, and `z.enum(['all'])` rather than a literal: the browser's Management API client
 * parses these, and zod's record and literal would add about 0.75 kB gzip to it.
 */
const wireRolloutResourceSettingsSchema = z.object({
  organization_connection_name: z.optional(z.nullable(z.string())),
  organization_access_level: z.optional(z.nullable(z.string())),
  is_enabled: z.optional(z.nullable(z.boolean())),
  assign_membership_on_login: z.optional(z.boolean()),
  is_signup_enabled: z.optional(z.boolean()),
  show_as_button: z.optional(z.boolean()),
});

/** A rollout or dry run resource (`GET {base}/rollouts/{id}`, the 202 of a start, the answer of a control). */
export const wireRolloutSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'paused', 'cancelled', 'done']),
  paused_reason: z.optional(wireFailureErrorSchema),
  connection_id: z.string(),
  organizations: z.union([z.enum(['all']), z.array(z.string())]),
  if_enabled: z.enum(['skip', 'update']),
  settings: wireRolloutResourceSettingsSchema,
  counts: wireCountsSchema,
  total: z.nullable(z.number()),
  failures: z.array(wireFailureSchema),
  rate_per_minute: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Present (`true`) on a dry run only. */
  dry_run: z.optional(z.boolean()),
});
export type WireRollout = z.infer<typeof wireRolloutSchema>;

/** `GET {base}/rollouts`: newest first. */
export const wireRolloutListSchema = z.object({ rollouts: z.array(wireRolloutSchema) });

export function toWireRolloutCounts(counts: RolloutCounts): WireRolloutCounts {
  return {
    added: counts.added,
    updated: counts.updated,
    skipped_enabled: counts.skippedEnabled,
    skipped_limit: counts.skippedLimit,
    failed: counts.failed,
    pending: counts.pending,
  };
}

export function fromWireRolloutCounts(wire: WireRolloutCounts): RolloutCounts {
  return {
    added: wire.added,
    updated: wire.updated,
    skippedEnabled: wire.skipped_enabled,
    skippedLimit: wire.skipped_limit,
    failed: wire.failed,
    pending: wire.pending,
  };
}

/** The body of `POST {base}/rollouts` for an input. */
export function toWireRolloutRequest(input: RolloutInput): WireRolloutRequest {
  const wire: WireRolloutRequest = {
    connection_id: input.connectionId,
    organizations: input.organizations === 'all' ? 'all' : [...input.organizations],
    if_enabled: input.ifEnabled,
    settings: toWireSettings(input.settings) as WireRolloutSettings,
  };
  if (input.dryRun === true) wire.dry_run = true;
  return wire;
}

/** The input of a validated request body. */
export function fromWireRolloutRequest(wire: WireRolloutRequest): RolloutInput {
  const input: RolloutInput = {
    connectionId: wire.connection_id,
    organizations: wire.organizations === 'all' ? 'all' : [...wire.organizations],
    ifEnabled: wire.if_enabled,
    settings: fromWireSettings(wire.settings) as OrgConnectionSettings,
  };
  if (wire.dry_run === true) input.dryRun = true;
  return input;
}

export function toWireRollout(rollout: Rollout): WireRollout {
  return {
    id: rollout.id,
    status: rollout.status,
    ...(rollout.pausedReason === undefined ? {} : { paused_reason: { ...rollout.pausedReason } }),
    connection_id: rollout.connectionId,
    organizations: rollout.organizations === 'all' ? 'all' : [...rollout.organizations],
    if_enabled: rollout.ifEnabled,
    settings: toWireSettings(rollout.settings),
    counts: toWireRolloutCounts(rollout.counts),
    total: rollout.total,
    failures: rollout.failures.map(({ organizationId, error }) => ({
      organization_id: organizationId,
      error: { ...error },
    })),
    rate_per_minute: rollout.ratePerMinute,
    created_at: rollout.createdAt,
    updated_at: rollout.updatedAt,
    ...(rollout.dryRun && { dry_run: true }),
  };
}

/** An error as parsed (the schema keeps only `kind`, `code` and `status`, and leaves out those not given). */
const fromWireFailureError = (error: z.infer<typeof wireFailureErrorSchema>) => ({ ...error }) as RolloutFailureError;

export function fromWireRollout(wire: WireRollout): Rollout {
  return {
    id: wire.id,
    status: wire.status,
    ...(wire.paused_reason && { pausedReason: fromWireFailureError(wire.paused_reason) }),
    connectionId: wire.connection_id,
    organizations: wire.organizations === 'all' ? 'all' : [...wire.organizations],
    ifEnabled: wire.if_enabled,
    settings: fromWireSettings(wire.settings) as OrgConnectionSettings,
    counts: fromWireRolloutCounts(wire.counts),
    total: wire.total,
    failures: wire.failures.map(({ organization_id, error }) => ({
      organizationId: organization_id,
      error: fromWireFailureError(error),
    })),
    ratePerMinute: wire.rate_per_minute,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    dryRun: wire.dry_run === true,
  };
}
