import { INSTITUTION_SEARCH_CAPPED_MESSAGE, institutionKindLabels, type DirectoryInstitution } from '@portal/shared';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { webMessages } from '../../../lib/site';
import { useSearchInstitutions } from '../api/search-institutions';
import { useDebouncedValue } from './use-debounced-value';

export const INSTITUTION_CODE_PATTERN = /^\d{10}$/;
const SEARCH_DELAY_MS = 250;

interface InstitutionPickerProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  inputRef: Ref<HTMLInputElement>;
  /** Called with the option chosen from the list (its code then becomes the value). */
  onPick: (institution: DirectoryInstitution) => void;
  /** The institution the value's 10-digit code resolved to. */
  institution: DirectoryInstitution | null;
  /** Why the code did not resolve (e.g. 查無此機構代碼…), or a loading note. */
  lookupMessage: string | null;
  lookupPending: boolean;
  errorId?: string | undefined;
  invalid: boolean;
}

const optionLabel = (item: DirectoryInstitution) => `${item.name}（${item.code}）${item.city}`;

/**
 * 輸入單位代碼或選擇: an ARIA 1.2 combobox. Typing part of a name or the first digits of a
 * 機構代碼 lists matches (↑/↓ to move, Enter to pick, Esc to close); a complete 10-digit
 * code is looked up directly and the institution's name is shown underneath.
 */
export function InstitutionPicker({
  id,
  value,
  onChange,
  onBlur,
  inputRef,
  onPick,
  institution,
  lookupMessage,
  lookupPending,
  errorId,
  invalid,
}: InstitutionPickerProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const text = value.trim();
  const query = useDebouncedValue(INSTITUTION_CODE_PATTERN.test(text) ? '' : text, SEARCH_DELAY_MS);
  const search = useSearchInstitutions(query);
  const items = query !== '' && query === text ? (search.data?.items ?? []) : [];
  const expanded = open && query !== '' && query === text && search.isSuccess;
  const listboxId = `${id}-listbox`;
  const statusId = `${id}-status`;
  const pickedId = `${id}-picked`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const pick = (item: DirectoryInstitution) => {
    onPick(item);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (items.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + items.length) % items.length);
    } else if (event.key === 'Enter' && expanded && active >= 0 && items[active]) {
      // Picks the option instead of submitting the form.
      event.preventDefault();
      pick(items[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  let status = '';
  if (query !== '' && query === text) {
    if (search.isPending) status = webMessages.loading;
    else if (search.isError) status = search.error.message;
    else if (search.data.total === 0) status = '查無符合的單位，請改用其他關鍵字或機構代碼。';
    else if (search.data.totalCapped) status = `${INSTITUTION_SEARCH_CAPPED_MESSAGE}（列出前 ${items.length} 筆）`;
    else if (search.data.total > items.length)
      status = `共 ${search.data.total} 筆符合，列出前 ${items.length} 筆；請輸入更完整的名稱或代碼以縮小範圍。`;
    else status = `共 ${search.data.total} 筆符合，請以 ↑↓ 鍵選擇後按 Enter。`;
  }

  return (
    <div className="institution-picker">
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-required="true"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[pickedId, statusId, errorId].filter(Boolean).join(' ')}
        placeholder="輸入單位代碼或選擇"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onBlur();
        }}
      />
      <ul id={listboxId} role="listbox" aria-label="符合的單位" className="institution-options" hidden={!expanded}>
        {items.map((item, index) => (
          <li
            key={item.code}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'is-active' : undefined}
            // Keeps focus in the input, so the list does not close before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(item)}
          >
            {optionLabel(item)}
          </li>
        ))}
      </ul>
      <p id={statusId} role="status" className="institution-status">
        {status}
      </p>
      <div id={pickedId} aria-live="polite">
        {institution ? (
          <dl className="picked-institution">
            <div>
              <dt>名稱</dt>
              <dd>{institution.name}</dd>
            </div>
            <div>
              <dt>機構代碼</dt>
              <dd>{institution.code}</dd>
            </div>
            <div>
              <dt>縣市</dt>
              <dd>{institution.city}</dd>
            </div>
            <div>
              <dt>類別</dt>
              <dd>{institutionKindLabels[institution.kind]}</dd>
            </div>
          </dl>
        ) : lookupPending ? (
          <p>{webMessages.loading}</p>
        ) : lookupMessage ? (
          <p className="field-error">{lookupMessage}</p>
        ) : null}
      </div>
    </div>
  );
}
