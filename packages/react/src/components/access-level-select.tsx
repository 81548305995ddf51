'use client';
import { ACCESS_LEVELS, type AccessLevel, type AccessLevelValue, isAccessLevel } from '@org-connections/core';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useControllableState } from '../hooks/use-controllable-state';
import {
  type OrgConnectionsComponentProps,
  useOrgConnectionsPresentation,
} from '../hooks/use-org-connections-presentation';
import { keyPart, type OrgConnectionsMessages } from '../i18n/messages';
import { composeEventHandlers } from './compose-event-handlers';
import { listKeyTarget } from './list-key-target';
import type { AccessLevelSelectSlot } from './slots';
import { cx } from './theme';

interface AccessLevelSelectOwnProps extends OrgConnectionsComponentProps<AccessLevelSelectSlot> {
  /**
   * A level this version does not know (sent by a newer server) is shown as such, with no option
   * checked; the four levels are still offered.
   */
  value?: AccessLevelValue;
  /** Default `none`. */
  defaultValue?: AccessLevel;
  onValueChange?: (value: AccessLevel) => void;
  disabled?: boolean;
  /** Submits the value with a surrounding `<form>` (a hidden input). */
  name?: string;
  /** The trigger's id, for a `<label htmlFor>`. */
  id?: string;
}

/**
 * Its own props, and any of a `<button>`: they go to the combobox trigger (the element a label names and
 * focus lands on), as the ref does. A `className` comes after `classNames['select-trigger']`; the caller's
 * handlers run before the select's, which are skipped when the caller calls `preventDefault()`.
 */
export interface AccessLevelSelectProps
  extends AccessLevelSelectOwnProps,
    Omit<ComponentPropsWithoutRef<'button'>, keyof AccessLevelSelectOwnProps | 'value' | 'defaultValue'> {}

/** The level's name, or "Unknown (x)" for one this version does not know. */
export const accessLevelLabel = (messages: OrgConnectionsMessages, level: AccessLevelValue) =>
  isAccessLevel(level) ? messages[`accessLevel${keyPart(level)}`] : messages.accessLevelUnknown(level);

/** `data-access-level`: the level, `unknown` for one this version does not know, absent when there is none. */
export const accessLevelState = (level: AccessLevelValue | undefined) =>
  isAccessLevel(level) || level === undefined ? level : 'unknown';

/**
 * The four organization access levels, each with what it lets an organization admin do. A select-only
 * combobox (WAI-ARIA): focus stays on the trigger, the listbox follows with `aria-activedescendant`.
 * Works inside `OrgConnectionsProvider` (its theme and messages) or on its own (the defaults).
 */
export const AccessLevelSelect = forwardRef<HTMLButtonElement, AccessLevelSelectProps>(function AccessLevelSelect(
  {
    value: valueProp,
    defaultValue = 'none',
    onValueChange,
    disabled,
    name,
    id,
    theme,
    classNames,
    unstyled,
    messages: messagesProp,
    className,
    onClick,
    onKeyDown: onKeyDownProp,
    onKeyUp,
    onBlur,
    ...triggerProps
  },
  ref,
) {
  const { messages, rootProps, slot } = useOrgConnectionsPresentation({
    theme,
    classNames,
    unstyled,
    messages: messagesProp,
  });
  const [value, setValue] = useControllableState<AccessLevelValue, AccessLevel>(valueProp, defaultValue, onValueChange);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = useRef({ text: '', at: 0 });
  const ownId = useId();
  const triggerId = id ?? ownId;
  const listId = `${triggerId}-listbox`;
  const selected = (ACCESS_LEVELS as readonly string[]).indexOf(value);
  const state = open ? 'open' : 'closed';

  // Escape must close the list, not a dialog around it: catch it before any document listener does.
  useEffect(() => {
    if (!open) return;
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
    };
    window.addEventListener('keydown', onEscape, true);
    return () => window.removeEventListener('keydown', onEscape, true);
  }, [open]);

  const show = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const commit = (index: number) => {
    const level = ACCESS_LEVELS[index];
    if (level) setValue(level);
    setOpen(false);
  };
  const match = (key: string) => {
    const now = Date.now();
    const text = (now - typed.current.at > 700 ? key : typed.current.text + key).toLowerCase();
    typed.current = { text, at: now };
    const from = open && text.length === 1 ? active + 1 : open ? active : 0;
    for (let step = 0; step < 4; step++) {
      const index = (from + step) % 4;
      const level = ACCESS_LEVELS[index];
      if (level && accessLevelLabel(messages, level).toLowerCase().startsWith(text)) return index;
    }
    return -1;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const { key } = event;
    const target = listKeyTarget(key, active, ACCESS_LEVELS.length);
    if (key === 'Tab') {
      if (open) commit(active);
      return;
    }
    if (!open && ['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(key)) show(Math.max(selected, 0));
    else if (target !== undefined) show(target);
    else if (key === 'Enter' || key === ' ') commit(active);
    else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const found = match(key);
      if (found >= 0) show(found);
    } else return;
    event.preventDefault();
  };

  return (
    <div
      {...rootProps}
      {...slot('select')}
      data-state={state}
      data-access-level={accessLevelState(value)}
      data-disabled={disabled ? '' : undefined}
    >
      <button
        aria-label={id || triggerProps['aria-labelledby'] ? undefined : messages.fieldOrganizationAccessLevel}
        {...triggerProps}
        ref={ref}
        type="button"
        role="combobox"
        id={triggerId}
        data-slot="select-trigger"
        className={cx(classNames?.['select-trigger'], className)}
        data-state={state}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        disabled={disabled}
        onClick={composeEventHandlers(onClick, () => (open ? setOpen(false) : show(Math.max(selected, 0))))}
        onKeyDown={composeEventHandlers(onKeyDownProp, onKeyDown)}
        onKeyUp={composeEventHandlers(onKeyUp, (event) => event.key === ' ' && event.preventDefault())}
        onBlur={composeEventHandlers(onBlur, () => setOpen(false))}
      >
        {accessLevelLabel(messages, value)}
      </button>
      {open && (
        <div
          role="listbox"
          id={listId}
          {...slot('select-listbox')}
          aria-label={messages.fieldOrganizationAccessLevel}
          tabIndex={-1}
          onMouseDown={(event) => event.preventDefault()}
        >
          {ACCESS_LEVELS.map((level, index) => (
            <div
              key={level}
              role="option"
              id={`${listId}-${index}`}
              tabIndex={-1}
              {...slot('select-option')}
              data-access-level={level}
              data-highlighted={index === active ? '' : undefined}
              aria-selected={level === value}
              onClick={() => commit(index)}
              onKeyDown={onKeyDown}
              onMouseMove={() => index !== active && setActive(index)}
            >
              <span {...slot('select-option-label')}>{accessLevelLabel(messages, level)}</span>
              <span {...slot('select-option-description')}>{messages[`accessLevel${keyPart(level)}Description`]}</span>
            </div>
          ))}
        </div>
      )}
      {name && <input type="hidden" name={name} value={value} />}
    </div>
  );
});
