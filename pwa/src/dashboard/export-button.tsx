import { useRef, useState } from 'preact/hooks';
import { StatusMessage, type Outcome } from '../../../components/status-message';
import { formatNumber } from '../../../lib/format';
import { describeError } from './api';
import { fetchWithProgress, saveBlob, type DownloadProgress } from './download';

/** A download button for an XLSX/CSV export: a progress bar while it arrives, a clear error, cancel. */
export function ExportButton({ path, label }: { path: string; label: string }) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [message, setMessage] = useState<Outcome | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function start() {
    abort.current = new AbortController();
    setMessage(null);
    try {
      const { blob, fileName } = await fetchWithProgress(path, setProgress, abort.current.signal);
      saveBlob(blob, fileName);
      setMessage({ text: `Đã tải xong ${fileName}.`, error: false });
    } catch (e) {
      setMessage(abort.current.signal.aborted ? { text: 'Đã hủy tải.', error: false } : { text: `Không tải được: ${describeError(e)}`, error: true });
    } finally {
      setProgress(null);
    }
  }

  const kb = (n: number) => `${formatNumber(n / 1024)} KB`;
  return (
    <div class="dash-export">
      {progress ? (
        <>
          <label>
            {label}: đang tải {progress.total ? `${kb(progress.received)} / ${kb(progress.total)}` : kb(progress.received)}
            <progress max={progress.total ?? undefined} value={progress.total ? progress.received : undefined} />
          </label>
          <button type="button" class="secondary" onClick={() => abort.current?.abort()}>
            Hủy
          </button>
        </>
      ) : (
        <button type="button" onClick={start}>
          {label}
        </button>
      )}
      <StatusMessage quiet message={message} />
    </div>
  );
}
