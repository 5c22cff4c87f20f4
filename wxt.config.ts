import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostsJoined, marketplaceMatches } from './lib/marketplaces/hosts';
import { lazyScripts } from './entrypoints/shared/lazy-script-names';
import { bundledRules } from './lib/marketplaces/bundled-rules';
import { detectionRules } from './lib/marketplaces/detection-rules';
import { glanceOf } from './lib/marketplaces/first-glance';

// The collector the extension talks to. Baked in at build time; a person can change it in the options page.
const collectorUrl = process.env.COLLECTOR_URL ?? 'http://localhost:8080';
/** The marketplace content script's file in the build (entrypoints/marketplace/). */
const CONTENT_SCRIPT = 'marketplace.js';

export default defineConfig({
  imports: false,
  webExt: { disabled: true },
  outDir: '.output',
  // Firefox's MV2 build too gets the module background that shares its chunks (Dexie) with the popup and
  // options pages: WXT drops `type: 'module'` for MV2, though Firefox (112+; this build needs 140) runs it.
  hooks: {
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.browser !== 'firefox') return;
      for (const e of entrypoints) if (e.type === 'background') e.options.type = 'module';
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox' && manifest.background) Object.assign(manifest.background, { type: 'module' });
      // The marketplace content script is built as an unlisted script (entrypoints/marketplace/index.ts says why) and
      // declared here, as defineContentScript would have.
      manifest.content_scripts = [...(manifest.content_scripts ?? []), { matches: marketplaceMatches, js: [CONTENT_SCRIPT], run_at: 'document_idle' }];
    },
    // In the content script, `wxt/browser` (imported by the modules it shares with the extension's pages) is the API
    // taken at first use: the package's own module touches Chromium's extension bindings as soon as it loads.
    'vite:build:extendConfig': (entrypoints, config) => {
      const script = entrypoints.find((e) => e.name === 'marketplace');
      if (!script) return;
      const lazy = { find: /^wxt\/browser$/, replacement: join(dirname(script.inputPath), 'extension-api.ts') };
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias) ? [lazy, ...alias] : [lazy, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))];
    },
  },
  vite: () => ({
    plugins: [preact()],
    // Dexie's ES2018 build: the package's default is its ES5 one (12 KB more once minified), which every
    // browser this extension supports (Chromium, Firefox 140+) does not need.
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
    define: {
      __COLLECTOR_URL__: JSON.stringify(collectorUrl),
      // The content script's copy of the bundled rules: what it detects pages with (lib/marketplaces/detection-rules.ts).
      __DETECTION_RULES__: JSON.stringify(detectionRules(bundledRules)),
      // What the first glance at a page needs of them (lib/marketplaces/first-glance.ts).
      __FIRST_GLANCE__: JSON.stringify(glanceOf(detectionRules(bundledRules))),
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Nông sản số Lạng Sơn',
    description: `Ghi nhận đơn mua nông sản trên ${hostsJoined(' và ')} để báo cáo với cơ quan.`,
    // scripting: "Báo trang lỗi" asks a marketplace page's content script to listen (popup/ReportPage.tsx) where the page
    // had not needed the extension; only in the marketplaces' tabs (the host permissions).
    permissions: ['storage', 'alarms', 'scripting'],
    // Only the two marketplaces and the collector: no <all_urls>, no tabs/history/cookies.
    host_permissions: [...marketplaceMatches, collectorOriginPattern(collectorUrl)],
    // The reader and the notice UI, loaded by the content script only on pages that need them.
    // (Their names listed here, not in lazy-script-names.ts: the content script imports that and would compute them.)
    web_accessible_resources: [{ resources: Object.keys(lazyScripts).map((name) => `${name}.js`), matches: marketplaceMatches }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nongsan-so@langson.gov.vn',
              // data_collection_permissions needs Firefox 140 (the ESR Debian ships), 142 on Android.
              strict_min_version: '140.0',
              // The person's name (enrolment) and their marketplace orders go to their agency's collector.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

function collectorOriginPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
