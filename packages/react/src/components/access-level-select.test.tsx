import { type AccessLevel, createManagementApiClient } from '@org-connections/core';
import * as Dialog from '@radix-ui/react-dialog';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef, type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AccessLevelSelect } from './access-level-select';
import { OrgConnectionsProvider } from './org-connections-provider';

const api = createManagementApiClient({ baseUrl: 'https://tenant.test/api/v2' });

function renderInProvider(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      {ui}
    </OrgConnectionsProvider>,
  );
}

const trigger = () => screen.getByRole('combobox');
const activeOption = () => {
  const id = trigger().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

/** A labelled, controlled select, as a host form would render it. */
function Labelled() {
  const [value, setValue] = useState<AccessLevel>('readonly');
  return (
    <main>
      <label htmlFor="level">Access</label>
      <AccessLevelSelect id="level" value={value} onValueChange={setValue} />
    </main>
  );
}

describe('AccessLevelSelect', () => {
  it('shows the four levels, each with what it lets an organization admin do', async () => {
    const user = userEvent.setup();
    renderInProvider(<AccessLevelSelect />);
    expect(trigger()).toHaveTextContent('None');
    await user.click(trigger());
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.firstChild?.textContent)).toEqual(['None', 'Read only', 'Limited', 'Full']);
    expect(options[3]).toHaveTextContent('Organization admins can change every setting.');
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('None');
  });

  it('keeps its own value when uncontrolled and reports each choice', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    renderInProvider(<AccessLevelSelect defaultValue="readonly" onValueChange={onValueChange} />);
    await user.click(trigger());
    await user.click(screen.getByRole('option', { name: /Limited/ }));
    expect(trigger()).toHaveTextContent('Limited');
    expect(onValueChange).toHaveBeenCalledWith('limited');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('shows only the value it is given when controlled', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { rerender } = renderInProvider(<AccessLevelSelect value="none" onValueChange={onValueChange} />);
    await user.click(trigger());
    await user.click(screen.getByRole('option', { name: /Full/ }));
    expect(onValueChange).toHaveBeenCalledWith('full');
    expect(trigger()).toHaveTextContent('None');
    rerender(
      <OrgConnectionsProvider api={api}>
        <AccessLevelSelect value="full" onValueChange={onValueChange} />
      </OrgConnectionsProvider>,
    );
    expect(trigger()).toHaveTextContent('Full');
  });

  it('works from the keyboard: arrows move, Enter picks, Home and End jump', async () => {
    const user = userEvent.setup();
    renderInProvider(<AccessLevelSelect />);
    await user.tab();
    expect(trigger()).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(trigger()).toHaveAttribute('aria-expanded', 'true');
    expect(activeOption()).toHaveTextContent('None');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption()).toHaveTextContent('Limited');
    await user.keyboard('{End}');
    expect(activeOption()).toHaveTextContent('Full');
    await user.keyboard('{Home}{ArrowUp}');
    expect(activeOption()).toHaveTextContent('None');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(trigger()).toHaveAttribute('aria-expanded', 'false');
    expect(trigger()).toHaveTextContent('Read only');
    expect(trigger()).toHaveFocus();
  });

  it('opens with Space and with Enter, and picks with Space', async () => {
    const user = userEvent.setup();
    renderInProvider(<AccessLevelSelect defaultValue="limited" />);
    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    expect(activeOption()).toHaveTextContent('Limited');
    await user.keyboard('{ArrowDown} ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(trigger()).toHaveTextContent('Full');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
  });

  it('moves to the level whose name is typed', async () => {
    const user = userEvent.setup();
    renderInProvider(<AccessLevelSelect />);
    await user.tab();
    await user.keyboard('l');
    expect(trigger()).toHaveAttribute('aria-expanded', 'true');
    expect(activeOption()).toHaveTextContent('Limited');
    await user.keyboard('{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 750));
    await user.keyboard('{ArrowDown}re');
    expect(activeOption()).toHaveTextContent('Read only');
  });

  it('closes on Escape without changing the value, and keeps focus on the trigger', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    renderInProvider(<AccessLevelSelect defaultValue="full" onValueChange={onValueChange} />);
    await user.tab();
    await user.keyboard('{ArrowDown}{Home}{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(trigger()).toHaveTextContent('Full');
    expect(trigger()).toHaveFocus();
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('closes on Tab, taking the highlighted level, and lets focus move on', async () => {
    const user = userEvent.setup();
    renderInProvider(
      <>
        <AccessLevelSelect />
        <button type="button">after</button>
      </>,
    );
    await user.tab();
    await user.keyboard('{ArrowDown}{End}');
    await user.tab();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(trigger()).toHaveTextContent('Full');
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
  });

  it('inside a dialog, Escape closes the list and leaves the dialog open', async () => {
    const user = userEvent.setup();
    renderInProvider(
      <Dialog.Root defaultOpen>
        <Dialog.Content aria-describedby={undefined}>
          <Dialog.Title>Settings</Dialog.Title>
          <AccessLevelSelect />
        </Dialog.Content>
      </Dialog.Root>,
    );
    await user.click(trigger());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('submits its value with a form under its name', async () => {
    const user = userEvent.setup();
    const submitted: Array<string | null> = [];
    renderInProvider(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submitted.push(new FormData(event.currentTarget).get('level') as string | null);
        }}
      >
        <AccessLevelSelect name="level" defaultValue="readonly" />
        <button type="submit">Submit</button>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await user.click(trigger());
    await user.click(screen.getByRole('option', { name: /Full/ }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toEqual(['readonly', 'full']);
  });

  it('exposes its state as data attributes', async () => {
    const user = userEvent.setup();
    const { container } = renderInProvider(<AccessLevelSelect defaultValue="limited" />);
    const root = container.querySelector('[data-slot="select"]');
    expect(root).toHaveAttribute('data-state', 'closed');
    expect(root).toHaveAttribute('data-access-level', 'limited');
    expect(root).not.toHaveAttribute('data-disabled');
    await user.click(trigger());
    expect(root).toHaveAttribute('data-state', 'open');
    expect(screen.getByRole('option', { name: /Limited/ })).toHaveAttribute('data-highlighted');
  });

  it('cannot be opened when disabled', async () => {
    const user = userEvent.setup();
    const { container } = renderInProvider(<AccessLevelSelect disabled />);
    await user.click(trigger());
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(container.querySelector('[data-slot="select"]')).toHaveAttribute('data-disabled', '');
  });

  it('is labelled by a <label>, and uses overridden messages', async () => {
    const user = userEvent.setup();
    renderInProvider(
      <>
        <label htmlFor="level">Admin access</label>
        <AccessLevelSelect id="level" messages={{ accessLevelFull: 'Everything' }} />
      </>,
    );
    await user.click(screen.getByRole('combobox', { name: 'Admin access' }));
    expect(screen.getByRole('option', { name: /Everything/ })).toBeInTheDocument();
  });

  it('adds class names per part and leaves out the library styles when unstyled', () => {
    const { container } = renderInProvider(<AccessLevelSelect unstyled classNames={{ 'select-trigger': 'host' }} />);
    expect(trigger()).toHaveClass('host');
    expect(container.querySelector('[data-oc-root]')).toBeNull();
  });

  it('forwards its ref and any button prop to the trigger, the caller’s class after the slot’s', () => {
    const ref = createRef<HTMLButtonElement>();
    render(<AccessLevelSelect ref={ref} title="Level" className="host" classNames={{ 'select-trigger': 'mine' }} />);
    expect(ref.current).toBe(trigger());
    expect(trigger()).toHaveAttribute('title', 'Level');
    expect(trigger().className).toBe('mine host');
  });

  it('runs the caller’s handlers first, and skips its own when the caller prevents the default', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    const { rerender } = render(<AccessLevelSelect onClick={() => calls.push('caller')} />);
    await user.click(trigger());
    expect(calls).toEqual(['caller']);
    expect(trigger()).toHaveAttribute('aria-expanded', 'true');
    await user.click(trigger());
    rerender(<AccessLevelSelect onClick={(event) => event.preventDefault()} />);
    await user.click(trigger());
    expect(trigger()).toHaveAttribute('aria-expanded', 'false');
  });

  it('works on its own, without a provider: default messages, its own theme, a form value', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <form aria-label="settings">
        <AccessLevelSelect name="level" defaultValue="readonly" theme={{ colors: { primary: 'rebeccapurple' } }} />
      </form>,
    );
    expect(trigger()).toHaveTextContent('Read only');
    expect(trigger()).toHaveAccessibleName('Organization admin access');
    const root = container.querySelector('[data-slot="select"]');
    expect(root).toHaveAttribute('data-oc-root');
    expect((root as HTMLElement).style.getPropertyValue('--oc-primary')).toBe('rebeccapurple');
    await user.click(trigger());
    await user.click(screen.getByRole('option', { name: /Full/ }));
    expect(trigger()).toHaveTextContent('Full');
    expect(new FormData(screen.getByRole('form') as HTMLFormElement).get('level')).toBe('full');
  });

  it('takes the provider’s messages and theme when there is one, its own over them', () => {
    const queryClient = new QueryClient();
    const { container } = render(
      <OrgConnectionsProvider
        api={api}
        queryClient={queryClient}
        messages={{ accessLevelNone: 'Hidden', fieldOrganizationAccessLevel: 'Admins' }}
        theme={{ density: 'compact' }}
      >
        <AccessLevelSelect messages={{ accessLevelNone: 'Nobody' }} />
      </OrgConnectionsProvider>,
    );
    expect(trigger()).toHaveTextContent('Nobody');
    expect(trigger()).toHaveAccessibleName('Admins');
    expect(container.querySelector('[data-slot="select"]')).toHaveAttribute('data-density', 'compact');
  });

  it('shows a level it does not know as such, with no option checked, and still offers the four', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(
      <form aria-label="settings">
        <AccessLevelSelect name="level" value="delegated" onValueChange={onValueChange} />
      </form>,
    );
    expect(trigger()).toHaveTextContent('Unknown (delegated)');
    expect(container.querySelector('[data-slot="select"]')).toHaveAttribute('data-access-level', 'unknown');
    expect(new FormData(screen.getByRole('form') as HTMLFormElement).get('level')).toBe('delegated');
    await user.click(trigger());
    expect(screen.getAllByRole('option')).toHaveLength(4);
    expect(screen.queryByRole('option', { selected: true })).toBeNull();
    await user.click(screen.getByRole('option', { name: /Limited/ }));
    expect(onValueChange).toHaveBeenCalledWith('limited');
  });

  it.each(['closed', 'open'] as const)('has no axe violations when %s', async (state) => {
    const user = userEvent.setup();
    const { container } = renderInProvider(<Labelled />);
    if (state === 'open') await user.click(trigger());
    const results = await axe.run(container);
    expect(results.violations).toEqual([]);
  });
});
