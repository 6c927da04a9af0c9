import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { GuardedButton } from './guarded-button';

function NameForm({ onSend }: { onSend: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSend(name);
      }}
    >
      <label htmlFor="name">名稱</label>
      <input id="name" value={name} onChange={(event) => setName(event.target.value)} />
      <GuardedButton type="submit" className="button" blockedBy={name ? null : '請先輸入名稱。'}>
        送出
      </GuardedButton>
    </form>
  );
}

describe('GuardedButton', () => {
  it('while blocked: reached by Tab, says why, and neither a click nor Enter submits', async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(<NameForm onSend={onSend} />);
    const button = screen.getByRole('button', { name: '送出' });
    await user.tab();
    await user.tab();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('請先輸入名稱。');
    expect(screen.getByText('請先輸入名稱。')).toBeVisible();
    await user.click(button);
    await user.click(screen.getByLabelText('名稱'));
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('once it can act: no reason, and it submits', async () => {
    const onSend = vi.fn();
    const user = userEvent.setup();
    render(<NameForm onSend={onSend} />);
    await user.type(screen.getByLabelText('名稱'), '示範');
    const button = screen.getByRole('button', { name: '送出' });
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(button).not.toHaveAccessibleDescription();
    expect(screen.queryByText('請先輸入名稱。')).not.toBeInTheDocument();
    await user.click(button);
    expect(onSend).toHaveBeenCalledWith('示範');
  });
});
