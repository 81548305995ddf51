import { allowsSignup, SWITCH_FIELDS } from '@org-connections/core';
import * as Switch from '@radix-ui/react-switch';
import { keyPart, type OrgConnectionsMessages } from '../i18n/messages';
import type { SlotProps } from './theme';
export type SwitchField = (typeof SWITCH_FIELDS)[number];

export interface ConnectionSwitchesProps {
  /** Unique on the page: each switch's id starts with it. */
  id: string;
  /** The settings as they are; one that is absent (not of this kind) gets no switch. */
  values: Partial<Record<SwitchField, boolean>>;
  /** Which settings to show (default all that are present). */
  shown?: (field: SwitchField) => boolean;
  /** Which settings cannot be changed; signup also cannot while membership is off. */
  locked?: (field: SwitchField) => boolean;
  pending?: (field: SwitchField) => boolean;
  /** A note under a setting, read with its switch (what turning it on means). */
  note?: (field: SwitchField) => string | undefined;
  onChange: (field: SwitchField, value: boolean) => void;
  messages: OrgConnectionsMessages;
  slot: SlotProps<'field' | 'switch' | 'switch-thumb' | 'field-reason' | 'field-note'>;
}

/**
 * The on/off settings of a connection: a labelled Radix switch each, with the reason under a locked one.
 * Signup needs membership on authentication (core's rule), so it is locked, and says so, while that is off.
 */
export function ConnectionSwitches({
  id,
  values,
  shown = () => true,
  locked = () => false,
  pending = () => false,
  note = () => undefined,
  onChange,
  messages,
  slot,
}: ConnectionSwitchesProps) {
  return SWITCH_FIELDS.map((field) => {
    const checked = values[field];
    if (checked === undefined || !shown(field)) return null;
    const signupBlocked = field === 'isSignupEnabled' && !allowsSignup(values);
    const disabled = locked(field) || signupBlocked;
    // Why signup is locked, unless its lock has another reason (the access level locks it anyway).
    const reason = signupBlocked && !locked(field) ? messages.signupNeedsMembership : undefined;
    const switchId = `${id}-${field}`;
    const noted = note(field);
    const describedBy = [reason && `${switchId}-reason`, noted && `${switchId}-note`].filter(Boolean).join(' ');
    return (
      <div
        key={field}
        {...slot('field')}
        data-field={field}
        data-state={checked ? 'on' : 'off'}
        data-disabled={disabled ? '' : undefined}
      >
        {/* Radix's parts without its hidden checkbox (`Switch.Root` = provider + trigger + that checkbox): these
            switches submit no form (a change is saved at once, or read from the draft), and the checkbox is mounted
            with each switch, with a ResizeObserver, then removed once the switch finds no form around it: two more
            renders per switch, for several switches per row. The parts are Radix's own, pinned (1.4.1);
            connection-switches.test.tsx pins what they do (no hidden checkbox, in a form or not). */}
        <Switch.unstable_Provider
          checked={checked}
          onCheckedChange={(value) => onChange(field, value)}
          disabled={disabled}
        >
          <Switch.unstable_Trigger
            id={switchId}
            {...slot('switch')}
            data-pending={pending(field) ? '' : undefined}
            aria-describedby={describedBy || undefined}
          >
            <Switch.Thumb {...slot('switch-thumb')} />
          </Switch.unstable_Trigger>
        </Switch.unstable_Provider>
        <label htmlFor={switchId}>{messages[`field${keyPart(field)}`]}</label>
        {reason && (
          <p id={`${switchId}-reason`} {...slot('field-reason')}>
            {reason}
          </p>
        )}
        {noted && (
          <p id={`${switchId}-note`} {...slot('field-note')}>
            {noted}
          </p>
        )}
      </div>
    );
  });
}
