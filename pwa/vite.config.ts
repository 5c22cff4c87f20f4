import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: 'public',
  build: { outDir: fileURLToPath(new URL('../dist/pwa', import.meta.url)), emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  plugins: [
    preact(),
    VitePWA({
      // Registered by hand through workbox-window (pwa/src/sw-bridge.ts) so the officer is asked before updating.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'],
      manifest: {
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
      },
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
