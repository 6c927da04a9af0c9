/**
 * The <option>s of a select: each value shown as itself (a system, a category …) or, given
 * `labels`, as its zh-TW label (an enum's code stays the value sent).
 */
export function OptionList<Value extends string>({ values, labels }: { values: readonly Value[]; labels?: Readonly<Record<Value, string>> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels ? labels[value] : value}
    </option>
  ));
}
