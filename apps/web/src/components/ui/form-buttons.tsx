/** The submit / 取消 row under a back-office form or reason dialog: submit while `busy` is off, cancel always. */
export function FormButtons({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="form-buttons">
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        取消
      </button>
    </div>
  );
}
