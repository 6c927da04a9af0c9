import { within, type ByRoleMatcher } from '@testing-library/react';

/** The text of each element of `role` inside `container`, in document order. */
export const textsOf = (container: HTMLElement, role: ByRoleMatcher) =>
  within(container)
    .getAllByRole(role)
    .map((element) => element.textContent);

/** The cells' text of each body row of a table (the header row left out). */
export const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => textsOf(row, 'cell'));
