import { createManagementApiClient } from '@org-connections/core';
import * as Dialog from '@radix-ui/react-dialog';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AccessLevelSelect } from './access-level-select';
import { OrgConnectionsProvider } from './org-connections-provider';
import '../styles.css';

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
const activeOption = () => document.getElementById(trigger().getAttribute('aria-activedescendant') ?? '');

describe('AccessLevelSelect in a real browser', () => {
  it('is operated with the keyboard alone', async () => {
    renderInProvider(
      <>
        <button type="button">before</button>
        <AccessLevelSelect />
        <button type="button">after</button>
      </>,
    );
    screen.getByRole('button', { name: 'before' }).focus();
    await userEvent.keyboard('{Tab}');
    expect(trigger()).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(screen.getByRole('listbox')).toBeVisible();
    expect(activeOption()).toHaveTextContent('None');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(trigger()).toHaveTextContent('Limited');
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('listbox')).toBeVisible();
    await userEvent.keyboard('f');
    expect(activeOption()).toHaveTextContent('Full');
    await userEvent.keyboard(' ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(trigger()).toHaveTextContent('Full');
    await userEvent.keyboard('{ArrowUp}{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(trigger()).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{Home}{Tab}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(trigger()).toHaveTextContent('None');
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
  });

  it('lays its list over the content below it, and closes when the page is clicked elsewhere', async () => {
    renderInProvider(
      <>
        <p>above</p>
        <AccessLevelSelect />
        <p>below</p>
      </>,
    );
    const below = screen.getByText('below').getBoundingClientRect().top;
    await userEvent.click(trigger());
    const listbox = screen.getByRole('listbox');
    expect(listbox.getBoundingClientRect().bottom).toBeGreaterThan(below);
    expect(screen.getByText('below').getBoundingClientRect().top).toBe(below);
    await userEvent.click(screen.getByText('above'));
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('inside a modal dialog, options can be clicked and Escape closes only the list', async () => {
    renderInProvider(
      <Dialog.Root defaultOpen>
        <Dialog.Content aria-describedby={undefined}>
          <Dialog.Title>Settings</Dialog.Title>
          <AccessLevelSelect />
        </Dialog.Content>
      </Dialog.Root>,
    );
    await userEvent.click(trigger());
    await userEvent.click(screen.getByRole('option', { name: /Read only/ }));
    expect(trigger()).toHaveTextContent('Read only');
    expect(trigger()).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('dialog')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
