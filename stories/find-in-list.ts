import { defaultMessages } from '@org-connections/react';
import { expect, waitFor, within } from 'storybook/test';

/** The list's root, once it has an answer (`data-state` other than `loading`). */
export async function findList(canvasElement: HTMLElement) {
  const list = await within(canvasElement).findByRole('region', { name: defaultMessages.listLabel });
  await waitFor(() => expect(list).not.toHaveAttribute('data-state', 'loading'));
  return list;
}

/** The settings of one connection: a group named after it. */
export const findRow = (canvasElement: HTMLElement, name: string, options?: { timeout: number }) =>
  within(canvasElement).findByRole('group', { name }, options);
