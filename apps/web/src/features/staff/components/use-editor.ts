import { useState } from 'react';

/**
 * The editor of a staff list page: opened empty (新增) or on an item (修改 or a new version), and
 * closed with the message its save returned, which the page then shows ('' when cancelled).
 */
export function useEditor<Item>() {
  const [form, setForm] = useState<{ editing: Item | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    form,
    edit: (editing: Item | null) => setForm({ editing }),
    close: (message: string) => {
      setForm(null);
      setDone(message || null);
    },
    done,
    setDone,
  };
}
