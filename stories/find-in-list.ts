import { expect, waitFor, within } from 'storybook/test';
import { storyMessages as messages } from '../.storybook/story-locale';

/** The list's root, once it has an answer (`data-state` other than `loading`). */
export async function findList(canvasElement: HTMLElement) {
  const list = await within(canvasElement).findByRole('region', { name: messages.listLabel });
  await waitFor(() => expect(list).not.toHaveAttribute('data-state', 'loading'));
  return list;
}

/** The settings of one connection: a group named after it. */
export const findRow = (canvasElement: HTMLElement, name: string, options?: { timeout: number }) =>
  within(canvasElement).findByRole('group', { name }, options);
