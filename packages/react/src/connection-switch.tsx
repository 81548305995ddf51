import * as Switch from '@radix-ui/react-switch';
import { useId } from 'react';
import { type ClassNames, slotProps } from './theme';

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
  classNames?: ClassNames<'field' | 'switch' | 'switch-thumb' | 'field-reason'> | undefined;
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
  const slot = slotProps(classNames);
  return (
    <div
      {...slot('field')}
      data-field={field}
      data-state={checked ? 'on' : 'off'}
      data-disabled={disabled ? '' : undefined}
    >
      <Switch.Root
        id={id}
        {...slot('switch')}
        data-pending={pending ? '' : undefined}
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={reason ? `${id}-reason` : undefined}
      >
        <Switch.Thumb {...slot('switch-thumb')} />
      </Switch.Root>
      <label htmlFor={id}>{label}</label>
      {reason && (
        <p id={`${id}-reason`} {...slot('field-reason')}>
          {reason}
        </p>
      )}
    </div>
  );
}
