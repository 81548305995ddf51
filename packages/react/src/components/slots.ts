/**
 * The styling surface. Every part carries `data-slot="<slot>"`, and `classNames={{ <slot>: '...' }}`
 * adds a class to it (after the library's own). These slots and the state attributes below are the
 * supported selectors; element types, roles and order are not.
 *
 * State attributes (absent when false):
 * - `data-state`: on the list root `loading` | `empty` | `error` | `ready`; on a list `state` part `loading` |
 *   `empty` | `error`; on a `row`, a `row-field` and a `field` `on` | `off` (the connection / setting is on); on a `switch`
 *   (Radix) `checked` | `unchecked`; on dialogs and the select `open` | `closed`.
 * - `data-pending`: on a `row`, and on the `switch` being saved, while a change is on its way.
 * - `data-disabled`: on a `row-field` or `field` that cannot be changed (its switch is `disabled`).
 * - `data-field`: on a `row-field` or `field`, the setting's model name (`isEnabled`, `assignMembershipOnLogin`, ...).
 * - `data-access-level`: `none` | `readonly` | `limited` | `full` | `unknown` on a `row` (absent when the data
 *   source has no access levels); the select's value on it and its options.
 * - `data-kind`: `database` | `social` | `enterprise` | `passwordless` on a `row` and its `kind-badge`.
 * - `data-error`: the `OrgConnectionsError` kind on the error `state` and on a `row-message`.
 * - `data-variant`: `primary` | `danger` on a `button`.
 * - `data-lockout`: `signed_in_connection` | `last_enabled_connection` on the `confirm-content` of a confirmation
 *   that switching off or removing the connection locks people out (its `confirm-warning` says so in the remove one).
 * - `data-oc-root`, `data-color-scheme` (`light` | `dark` | `system`), `data-density` (`compact` | `comfortable`):
 *   on every component root and portalled dialog part; `unstyled` leaves them off.
 */

/** Parts of `<OrgConnectionsList>`, with those of the add dialog and access level select it embeds. */
export type OrgConnectionsListSlot =
  | AddConnectionDialogSlot
  | 'root'
  | 'header'
  | 'count'
  | 'add-button'
  | 'limit-reason'
  | 'warning'
  | 'toolbar'
  | 'search'
  | 'kind-filter'
  | 'list'
  | 'row'
  | 'row-header'
  | 'logo'
  | 'name'
  | 'strategy'
  | 'kind-badge'
  | 'lock-reason'
  | 'fields'
  | 'row-field'
  | 'switch'
  | 'switch-thumb'
  | 'field-reason'
  | 'field-note'
  | 'access-level'
  | 'name-input'
  | 'name-error'
  | 'actions'
  | 'rename-button'
  | 'remove-button'
  | 'row-message'
  | 'state'
  | 'skeleton'
  | 'retry-button'
  | 'announcer'
  | ConfirmationSlot
  | DialogSlot;

/**
 * Parts of the list's confirmations (removing a connection, switching one off that locks people out), apart from the
 * add dialog's `dialog-*` parts; `data-state` and `data-lockout` on `confirm-content`.
 */
export type ConfirmationSlot =
  | 'confirm-overlay'
  | 'confirm-content'
  | 'confirm-title'
  | 'confirm-description'
  | 'confirm-message'
  | 'confirm-warning'
  | 'confirm-actions';

/** Parts of a dialog (the add dialog, the rollout dialog); `data-state` on `dialog-content`. */
export type DialogSlot =
  | 'dialog-overlay'
  | 'dialog-content'
  | 'dialog-title'
  | 'dialog-description'
  | 'dialog-message'
  | 'dialog-warning'
  | 'dialog-actions'
  | 'button';

// ---- AccessLevelSelect, AddConnectionDialog, ConnectionPicker: slot types are added here by their author.

/** Parts of `<AccessLevelSelect>`; `data-state` (`open` | `closed`), `data-access-level` and `data-disabled` sit on `select`. */
export type AccessLevelSelectSlot =
  | 'select'
  | 'select-trigger'
  | 'select-listbox'
  | 'select-option'
  | 'select-option-label'
  | 'select-option-description';

/**
 * Parts of `<AddConnectionDialog>` (with the select's, for its access level field). `data-state`
 * (`open` | `closed`) on `dialog-content`; `data-kind` on `picker-kind` and `picker-option`;
 * `data-state="on"` on the pressed `picker-kind`; `data-highlighted` on the active `picker-option`.
 */
export type AddConnectionDialogSlot =
  | AccessLevelSelectSlot
  | DialogSlot
  | 'add-button'
  | 'alert'
  | 'picker'
  | 'picker-search'
  | 'picker-kinds'
  | 'picker-kind'
  | 'picker-list'
  | 'picker-option'
  | 'logo'
  | 'picker-option-name'
  | 'picker-option-strategy'
  | 'picker-status'
  | 'form'
  | 'field'
  | 'label'
  | 'input'
  | 'field-error'
  | 'field-reason'
  | 'field-note'
  | 'switch'
  | 'switch-thumb';

/**
 * Parts of `<ConnectionRolloutDialog>` (with the add dialog's, for its settings form). `data-state` on `rollout`:
 * `running` | `paused` | `cancelled` | `done`; on `rollout-preview` (the dry run, its progress bar a
 * `rollout-progress` too): `idle` | `starting` | `running` | `done` | `failed`; `data-count` (`added`, `updated`, `skippedEnabled`, `skippedLimit`,
 * `failed`, `pending`) on each entry of `rollout-counts`; `data-field="organizations"` on the organization IDs' field.
 */
export type ConnectionRolloutDialogSlot =
  | AddConnectionDialogSlot
  | 'rollout-button'
  | 'fieldset'
  | 'legend'
  | 'choice'
  | 'rollout-preview'
  | 'rollout'
  | 'rollout-status'
  | 'rollout-progress'
  | 'rollout-progress-indicator'
  | 'rollout-details'
  | 'rollout-counts'
  | 'rollout-count-value'
  | 'rollout-failures'
  | 'rollout-failure'
  | 'rollout-failure-organization';

/**
 * Parts of `<LoginPromptPreview>`. `data-state` on `root`: `loading` | `error` | `unsupported` | `empty` |
 * `failure` | `ready`; `data-flow` (`organization-known` | `prompt-for-credentials`) on `root`; `data-kind` on
 * `prompt-form`, `prompt-connection` and `hidden-connection`; `data-channel` (`email` | `sms`) on a passwordless
 * `prompt-form`; `data-variant="primary"` on `prompt-action`. The pictured fields and actions are text, not controls.
 */
export type LoginPromptPreviewSlot =
  | 'root'
  | 'prompt'
  | 'caption'
  | 'prompt-title'
  | 'prompt-form'
  | 'prompt-form-name'
  | 'logo'
  | 'prompt-input'
  | 'prompt-action'
  | 'prompt-link'
  | 'prompt-divider'
  | 'prompt-connections'
  | 'prompt-connection'
  | 'failure'
  | 'prompt-empty'
  | 'hidden'
  | 'hidden-title'
  | 'hidden-list'
  | 'hidden-connection'
  | 'hidden-name'
  | 'hidden-route'
  | 'provider-note'
  | 'state'
  | 'skeleton'
  | 'retry-button';
