import * as Switch from '@radix-ui/react-switch';
import { useId } from 'react';
import type { OrgConnectionsListSlot } from './slots';
import type { ClassNames } from './theme';
import { cx } from './theme';

export interface ConnectionSwitchProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  pending?: boolean;
  /** Why the switch cannot be changed, shown under it and read with it. */
  reason?: string | undefined;
  /** The field's model name, as `data-field`. */
  field: string;
  classNames?: ClassNames<OrgConnectionsListSlot> | undefined;
}

/** One setting of a connection: a labelled Radix switch, with the reason when it is locked. */
export function ConnectionSwitch({
  label,
  checked,
  onCheckedChange,
  disabled,
  pending,
  reason,
  field,
  classNames,
}: ConnectionSwitchProps) {
  const id = useId();
  const state = checked ? 'on' : 'off';
  return (
    <div
      data-slot="field"
      data-field={field}
      data-state={state}
      data-disabled={disabled ? '' : undefined}
      className={cx(classNames?.field)}
    >
      <Switch.Root
        id={id}
        data-slot="switch"
        data-pending={pending ? '' : undefined}
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={reason ? `${id}-reason` : undefined}
        className={cx(classNames?.switch)}
      >
        <Switch.Thumb data-slot="switch-thumb" className={cx(classNames?.['switch-thumb'])} />
      </Switch.Root>
      <label htmlFor={id}>{label}</label>
      {reason && (
        <p id={`${id}-reason`} data-slot="field-reason" className={cx(classNames?.['field-reason'])}>
          {reason}
        </p>
      )}
    </div>
  );
}
