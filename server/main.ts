import { existsSync } from 'node:fs';
import { readConfig } from './config';
import { startCollector } from './collector';

// A setting the collector cannot use (readConfig) is said the same way as a start that fails.
const { config, collector } = await (async () => {
  const config = readConfig();
  return { config, collector: await startCollector(config) };
})().catch((e: Error) => {
  console.error(`Không khởi động được máy chủ: ${e.message}`);
  process.exit(1);
});
const where = collector.kind === 'sqlite' ? `SQLite: ${config.dataDir}/nongsan-so.sqlite` : 'PostgreSQL (DATABASE_URL)';
console.log(`Nông sản số — máy chủ thu thập đang chạy tại http://localhost:${collector.port}/`);
console.log(`  Dữ liệu / data: ${where}`);
console.log(`  PWA (kiosk + bảng điều khiển): http://localhost:${collector.port}/`);
if (existsSync(config.extensionDir)) {
  console.log(`  Tiện ích trình duyệt (Chrome/Edge/Cốc Cốc): ${config.extensionDir}`);
  console.log('    Mở chrome://extensions → bật "Chế độ dành cho nhà phát triển" → "Tải tiện ích đã giải nén" → chọn thư mục trên.');
  console.log(`  Firefox: ${config.extensionDir.replace('chrome-mv3', 'firefox-mv2')} (about:debugging → Tải tiện ích tạm thời → manifest.json)`);
}
// systemd, `docker stop` and Ctrl+C send SIGTERM / SIGINT, sometimes to every process of the service and more
// than once: every signal joins the one stop.
const stop = async (signal: NodeJS.Signals) => {
  console.log(`Đang dừng (${signal}): không nhận kết nối mới, chờ các yêu cầu đang xử lý xong…`);
  try {
    await collector.close();
    console.log('Đã dừng.');
    process.exit(0);
  } catch (e) {
    console.error(`Dừng không trọn vẹn: ${(e as Error).message}`);
    process.exit(1);
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
