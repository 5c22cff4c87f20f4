import { useEffect, useRef, useState } from 'preact/hooks';

/** The household signs with a finger. Loaded lazily with the consent step. */
export default function SignaturePad({ onSave, existing }: { onSave: (png: Blob) => void; existing: string | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const last = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
  }, []);

  const point = (e: PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * canvas.current!.width) / r.width, y: ((e.clientY - r.top) * canvas.current!.height) / r.height };
  };
  const down = (e: PointerEvent) => {
    canvas.current!.setPointerCapture?.(e.pointerId);
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
    setDrawn(true);
  };
  const up = () => (last.current = null);
  const clear = () => {
    const c = canvas.current!;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    setDrawn(false);
  };
  const save = () => canvas.current!.toBlob((b) => b && onSave(b), 'image/png');

  return (
    <div class="signature">
      {existing && <img src={existing} alt="Chữ ký đã lưu của chủ hộ" class="signature-saved" />}
      <canvas
        ref={canvas}
        width={800}
        height={240}
        class="signature-canvas"
        role="img"
        aria-label="Ô ký tên: chủ hộ dùng ngón tay ký vào đây"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <div class="row">
        <button type="button" class="secondary" onClick={clear}>Ký lại</button>
        <button type="button" onClick={save} disabled={!drawn}>Lưu chữ ký</button>
      </div>
    </div>
  );
}
