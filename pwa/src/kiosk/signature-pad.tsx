import { useEffect, useRef } from 'preact/hooks';

/**
 * The household signs with a finger. Each stroke is saved as it ends (`onChange` with the drawing), so what the
 * officer sees on the pad is always what is stored: there is no drawn-but-unsaved signature, and the saved one is
 * shown in the pad itself, once. "Ký lại" wipes it (`onChange(null)`). Loaded lazily with the consent step.
 */
export default function SignaturePad({ onChange, existing }: { onChange: (png: Blob | null) => void; existing: string | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  /** Drawn on since the pad opened: the stored picture must not be painted over the new strokes. */
  const touched = useRef(false);

  const blank = () => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
  };
  useEffect(blank, []);

  // The household opened again (or the tab reloaded): its stored signature is shown in the pad.
  useEffect(() => {
    if (!existing || touched.current) return;
    const img = new Image();
    img.onload = () => !touched.current && canvas.current?.getContext('2d')!.drawImage(img, 0, 0, canvas.current.width, canvas.current.height);
    img.src = existing;
  }, [existing]);

  const point = (e: PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * canvas.current!.width) / r.width, y: ((e.clientY - r.top) * canvas.current!.height) / r.height };
  };
  const down = (e: PointerEvent) => {
    canvas.current!.setPointerCapture?.(e.pointerId);
    touched.current = true;
    last.current = point(e);
  };
  const move = (e: PointerEvent) => {
    if (!last.current) return;
    const p = point(e);
    const ctx = canvas.current!.getContext('2d')!;
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last.current = p;
  };
  const up = () => {
    if (!last.current) return;
    last.current = null;
    canvas.current!.toBlob((b) => b && onChange(b), 'image/png');
  };
  const clear = () => {
    touched.current = true;
    blank();
    onChange(null);
  };

  return (
    <div class="signature">
      <canvas
        ref={canvas}
        width={800}
        height={240}
        class="signature-canvas"
        role="img"
        aria-label="Ô ký tên: chủ hộ dùng ngón tay ký vào đây"
        aria-describedby="signature-state"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
        onPointerCancel={up}
      />
      <div class="row">
        <button type="button" class="secondary" onClick={clear}>Ký lại</button>
      </div>
    </div>
  );
}
