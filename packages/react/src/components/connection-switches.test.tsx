import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultMessages } from '../i18n/messages';
import { ConnectionSwitches, type SwitchField } from './connection-switches';

/**
 * The switches are Radix's `unstable_Provider` and `unstable_Trigger` (pinned, 1.4.1), not `Switch.Root`, which adds
 * a hidden checkbox to each switch (mounted with it, with a ResizeObserver, and inside a form kept). These tests pin
 * what the switches do with those parts, so an upgrade that changes them fails here.
 */
function renderSwitches(props: { locked?: (field: SwitchField) => boolean; inForm?: boolean } = {}) {
  const changes: Array<[SwitchField, boolean]> = [];
  const switches = (
    <ConnectionSwitches
      id="c1"
      values={{ isEnabled: true, assignMembershipOnLogin: false, isSignupEnabled: false }}
      locked={props.locked}
      onChange={(field, value) => changes.push([field, value])}
      messages={defaultMessages}
      slot={(name) => ({ 'data-slot': name, className: undefined })}
    />
  );
  const { container } = render(props.inForm ? <form>{switches}</form> : switches);
  return { container, changes };
}

describe('ConnectionSwitches (Radix switch parts)', () => {
  it('is a labelled switch button per present setting, its state in aria-checked and data-state', () => {
    renderSwitches();
    const enabled = screen.getByRole('switch', { name: defaultMessages.fieldIsEnabled });
    expect(enabled.tagName).toBe('BUTTON');
    expect(enabled).toHaveAttribute('type', 'button');
    expect(enabled).toHaveAttribute('aria-checked', 'true');
    expect(enabled).toHaveAttribute('data-state', 'checked');
    expect(enabled.querySelector('[data-slot="switch-thumb"]')).toHaveAttribute('data-state', 'checked');
    const membership = screen.getByRole('switch', { name: defaultMessages.fieldAssignMembershipOnLogin });
    expect(membership).toHaveAttribute('aria-checked', 'false');
    expect(screen.getAllByRole('switch')).toHaveLength(3);
  });

  it('adds no hidden checkbox, in a form or not', () => {
    expect(renderSwitches().container.querySelector('input')).toBeNull();
    expect(renderSwitches({ inForm: true }).container.querySelector('input')).toBeNull();
  });

  it('tells the new value on click and on Space, and nothing while locked', async () => {
    const user = userEvent.setup();
    const { changes } = renderSwitches({ locked: (field) => field === 'assignMembershipOnLogin' });
    await user.click(screen.getByRole('switch', { name: defaultMessages.fieldIsEnabled }));
    screen.getByRole('switch', { name: defaultMessages.fieldIsEnabled }).focus();
    await user.keyboard(' ');
    const membership = screen.getByRole('switch', { name: defaultMessages.fieldAssignMembershipOnLogin });
    expect(membership).toBeDisabled();
    await user.click(membership);
    expect(changes).toEqual([
      ['isEnabled', false],
      ['isEnabled', false],
    ]);
  });

  it('locks signup, and says why, while membership is off', () => {
    renderSwitches();
    const signup = screen.getByRole('switch', { name: defaultMessages.fieldIsSignupEnabled });
    expect(signup).toBeDisabled();
    expect(signup).toHaveAccessibleDescription(defaultMessages.signupNeedsMembership);
  });

  it('says nothing of membership under a signup switch locked anyway (by the access level)', () => {
    renderSwitches({ locked: () => true });
    const signup = screen.getByRole('switch', { name: defaultMessages.fieldIsSignupEnabled });
    expect(signup).toBeDisabled();
    expect(signup).not.toHaveAccessibleDescription(defaultMessages.signupNeedsMembership);
    expect(screen.queryByText(defaultMessages.signupNeedsMembership)).toBeNull();
  });
});
