/** The collector URL baked into the extension at build time (wxt.config.ts). */
declare const __COLLECTOR_URL__: string;
