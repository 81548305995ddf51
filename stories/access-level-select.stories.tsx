import type { AccessLevel } from '@org-connections/core';
import { AccessLevelSelect } from '@org-connections/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type FormEvent, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import './access-level-select.stories.css';
import { storyMessages as messages } from '../.storybook/story-locale';
import { expectForcedColorsInTests, forcedColorsA11y, inForcedColors } from './forced-colors';

const meta = {
  title: 'AccessLevelSelect',
  component: AccessLevelSelect,
  tags: ['autodocs'],
  args: { onValueChange: fn() },
  argTypes: {
    value: { control: 'inline-radio', options: ['none', 'readonly', 'limited', 'full'] },
    defaultValue: { control: 'inline-radio', options: ['none', 'readonly', 'limited', 'full'] },
  },
} satisfies Meta<typeof AccessLevelSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The four levels in the story's language (read when the play function runs, not when the file loads). */
const levels = (): { level: AccessLevel; label: string; description: string }[] => [
  { level: 'none', label: messages.accessLevelNone, description: messages.accessLevelNoneDescription },
  { level: 'readonly', label: messages.accessLevelReadonly, description: messages.accessLevelReadonlyDescription },
  { level: 'limited', label: messages.accessLevelLimited, description: messages.accessLevelLimitedDescription },
  { level: 'full', label: messages.accessLevelFull, description: messages.accessLevelFullDescription },
];

const trigger = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('combobox', { name: messages.fieldOrganizationAccessLevel });

/** Uncontrolled (`defaultValue`): it keeps its own value and reports changes. */
export const Uncontrolled: Story = {
  args: { defaultValue: 'limited' },
  play: async ({ canvasElement, args }) => {
    const select = trigger(canvasElement);
    await expect(select).toHaveTextContent(messages.accessLevelLimited);
    await userEvent.click(select);
    await userEvent.click(
      within(canvasElement).getByRole('option', { name: new RegExp(`^${messages.accessLevelFull}`) }),
    );
    await expect(select).toHaveTextContent(messages.accessLevelFull);
    await expect(args.onValueChange).toHaveBeenCalledWith('full');
    await expect(within(canvasElement).queryByRole('listbox')).not.toBeInTheDocument();
  },
};

/** Each level says what it lets an organization admin do. */
export const EveryLevelExplained: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(trigger(canvasElement));
    const listbox = within(canvasElement).getByRole('listbox', { name: messages.fieldOrganizationAccessLevel });
    const options = within(listbox).getAllByRole('option');
    await expect(options).toHaveLength(4);
    for (const [index, { label, description }] of levels().entries()) {
      await expect(options[index]).toHaveTextContent(label);
      await expect(options[index]).toHaveTextContent(description);
    }
    await expect(within(listbox).getByRole('option', { selected: true })).toHaveTextContent(messages.accessLevelNone);
  },
};

/** Keyboard: arrows open and move, type-ahead jumps, Enter commits, Escape closes without a change. */
export const Keyboard: Story = {
  args: { defaultValue: 'none' },
  play: async ({ canvasElement, args }) => {
    const select = trigger(canvasElement);
    select.focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(select).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect(select).toHaveTextContent(messages.accessLevelLimited);
    await expect(args.onValueChange).toHaveBeenLastCalledWith('limited');

    // Type-ahead: the first letter of "Read only", in the story's language.
    await userEvent.keyboard(messages.accessLevelReadonly.charAt(0).toLowerCase());
    await expect(select).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Enter}');
    await expect(select).toHaveTextContent(messages.accessLevelReadonly);

    await userEvent.keyboard('{ArrowDown}{End}{Escape}');
    await expect(select).toHaveAttribute('aria-expanded', 'false');
    await expect(select).toHaveTextContent(messages.accessLevelReadonly);
    await expect(select).toHaveFocus();
  },
};

/** Controlled (`value` + `onValueChange`): the host owns the value and can change it from outside. */
export const Controlled: Story = {
  render: function ControlledSelect(args) {
    const [value, setValue] = useState<AccessLevel>('readonly');
    return (
      <div className="story-stack">
        <AccessLevelSelect
          {...args}
          value={value}
          onValueChange={(next) => {
            setValue(next);
            args.onValueChange?.(next);
          }}
        />
        <p>
          The host holds: <output data-testid="held">{value}</output>
        </p>
        <button type="button" className="story-host-button" onClick={() => setValue('none')}>
          Reset to none
        </button>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = trigger(canvasElement);
    await userEvent.click(select);
    await userEvent.click(canvas.getByRole('option', { name: new RegExp(`^${messages.accessLevelFull}`) }));
    await expect(canvas.getByTestId('held')).toHaveTextContent('full');
    await userEvent.click(canvas.getByRole('button', { name: 'Reset to none' }));
    await expect(select).toHaveTextContent(messages.accessLevelNone);
  },
};

/** Disabled: shows the value, cannot be opened. */
export const Disabled: Story = {
  args: { defaultValue: 'full', disabled: true },
  play: async ({ canvasElement, args }) => {
    const select = trigger(canvasElement);
    await expect(select).toBeDisabled();
    await expect(select).toHaveTextContent(messages.accessLevelFull);
    await userEvent.click(select);
    await expect(within(canvasElement).queryByRole('listbox')).not.toBeInTheDocument();
    await expect(args.onValueChange).not.toHaveBeenCalled();
  },
};

/** In a form: labelled by the host's `<label htmlFor>`, submitted under `name`. */
export const InAForm: Story = {
  args: { name: 'accessLevel', id: 'story-access-level', defaultValue: 'none' },
  render: function SelectInForm(args) {
    const [submitted, setSubmitted] = useState<string>();
    const onSubmit = (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const entries = [...new FormData(event.currentTarget)].map(([key, value]) => `${key}=${String(value)}`);
      setSubmitted(entries.join('&'));
    };
    return (
      <form className="story-form" onSubmit={onSubmit}>
        <label htmlFor="story-access-level">Who may manage this connection?</label>
        <AccessLevelSelect {...args} />
        <button type="submit" className="story-host-button">
          Save
        </button>
        <output data-testid="submitted">{submitted}</output>
      </form>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = canvas.getByRole('combobox', { name: 'Who may manage this connection?' });
    await userEvent.click(select);
    await userEvent.click(canvas.getByRole('option', { name: new RegExp(`^${messages.accessLevelReadonly}`) }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(canvas.getByTestId('submitted')).toHaveTextContent('accessLevel=readonly'));
  },
};

/** `theme={{ colorScheme: 'dark' }}`, on a dark host surface. */
export const DarkTheme: Story = {
  args: { defaultValue: 'limited', theme: { colorScheme: 'dark' } },
  decorators: [
    (Story) => (
      <div className="story-dark-surface">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await userEvent.click(trigger(canvasElement));
    const root = canvasElement.querySelector('[data-slot="select"]');
    await expect(root).toHaveAttribute('data-color-scheme', 'dark');
    await expect(within(canvasElement).getAllByRole('option')).toHaveLength(4);
  },
};

/** Host classes per part, and `data-access-level` for styling by value. */
export const ClassNamesOverrides: Story = {
  args: {
    defaultValue: 'full',
    classNames: { 'select-trigger': 'story-select-trigger', 'select-option': 'story-select-option' },
  },
  play: async ({ canvasElement }) => {
    const select = trigger(canvasElement);
    await expect(select).toHaveClass('story-select-trigger');
    await expect(getComputedStyle(select).borderTopColor).toBe('rgb(234, 88, 12)');
    await expect(canvasElement.querySelector('[data-slot="select"]')).toHaveAttribute('data-access-level', 'full');
  },
};

/** `unstyled`: no library CSS; the behaviour (and `data-*` attributes) stays. */
export const Unstyled: Story = {
  args: { defaultValue: 'readonly', unstyled: true },
  play: async ({ canvasElement, args }) => {
    const root = canvasElement.querySelector('[data-slot="select"]');
    await expect(root).not.toHaveAttribute('data-oc-root');
    await userEvent.click(trigger(canvasElement));
    await userEvent.click(
      within(canvasElement).getByRole('option', { name: new RegExp(`^${messages.accessLevelNone}`) }),
    );
    await expect(args.onValueChange).toHaveBeenCalledWith('none');
  },
};

/** Forced colors (Windows high contrast; the toolbar's "Forced colors"): the trigger's and popup's edges, the highlighted option. */
export const ForcedColors: Story = {
  args: { defaultValue: 'limited' },
  globals: inForcedColors('light'),
  parameters: { a11y: forcedColorsA11y },
  play: async ({ canvasElement }) => {
    await expectForcedColorsInTests();
    await userEvent.click(trigger(canvasElement));
    const highlighted = within(canvasElement)
      .getAllByRole('option')
      .find((option) => option.hasAttribute('data-highlighted'));
    await expect(highlighted).toBeDefined();
    // The highlight is drawn in the palette's Highlight, not the page's Canvas.
    await expect(getComputedStyle(highlighted as Element).backgroundColor).not.toBe(
      getComputedStyle(canvasElement.querySelector('[data-slot="select-listbox"]') as Element).backgroundColor,
    );
  },
};
