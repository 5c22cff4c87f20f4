import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Nông sản số Lạng Sơn',
  short_name: 'Nông sản số',
  description: 'Hỗ trợ hộ nông dân mở cửa hàng số và theo dõi phong trào mua nông sản trực tuyến tỉnh Lạng Sơn.',
  lang: 'vi',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  background_color: '#ffffff',
  theme_color: '#1b5e20',
  // "Chia sẻ" from the marketplace app lands on the order page with the confirmation text (pwa/src/staff).
  share_target: { action: '/khai-bao', method: 'GET', params: { title: 'title', text: 'text', url: 'url' } },
  icons: [
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/**
 * The commune tablet installs the kiosk from /kiosk (pwa/src/install-manifest.ts links this manifest there): its
 * home-screen icon opens the kiosk, not the chooser. Its scope stays the whole site, so the chooser and the other
 * screens still open inside the installed app.
 */
const kioskManifest = { ...manifest, id: '/kiosk', name: 'Đăng ký hộ tại xã — Nông sản số', short_name: 'Đăng ký hộ', start_url: '/kiosk', share_target: undefined };

export default defineConfig({
  root,
  publicDir: 'public',
  build: { outDir: fileURLToPath(new URL('../dist/pwa', import.meta.url)), emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  plugins: [
    preact(),
    { name: 'kiosk-manifest', generateBundle() { this.emitFile({ type: 'asset', fileName: 'kiosk.webmanifest', source: JSON.stringify(kioskManifest) }); } },
    VitePWA({
      // Registered by hand with plain navigator.serviceWorker (pwa/src/sw-bridge.ts) so the officer is asked before updating.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'],
      manifest,
      workbox: {
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        importScripts: ['/kiosk-sync-sw.js'],
      },
    }),
  ],
});
