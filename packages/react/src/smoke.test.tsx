import { expect, it } from 'vitest';

it('runs in jsdom', () => {
  expect(document.body).toBeInTheDocument();
});
