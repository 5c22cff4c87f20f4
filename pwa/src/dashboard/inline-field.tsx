import { useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../components/status-message';

/**
 * A small form in a table cell (a commune's household count, a district's deadline, an agency's headcount): type,
 * then "Lưu" (or Enter). What came of it is said right under the field, not at the top of a long table.
 */
export function InlineField(props: { label: string; saveLabel: string; initial: string; numeric?: boolean; placeholder?: string; onSave: (text: string) => Promise<Outcome> }) {
  const { label, numeric, onSave } = props;
  const [text, setText] = useState(props.initial);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <form
      class="dash-inline"
      onSubmit={async (e) => {
        e.preventDefault();
        setOutcome(await onSave(text));
      }}
    >
      <input aria-label={label} inputMode={numeric ? 'numeric' : 'text'} placeholder={props.placeholder} size={numeric ? 7 : 10} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="secondary" aria-label={props.saveLabel}>
        Lưu
      </button>
      <StatusMessage message={outcome} />
    </form>
  );
}
