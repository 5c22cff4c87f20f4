/** The collector URL baked into the extension at build time (wxt.config.ts). */
declare const __COLLECTOR_URL__: string;
/** The detection part of the bundled site rules, made at build time (wxt.config.ts, lib/marketplaces/detection-rules.ts). */
declare const __DETECTION_RULES__: import('../lib/marketplaces/rules').Rules;
/** What the first glance at a marketplace page needs of those rules, made at build time (lib/marketplaces/first-glance.ts). */
declare const __FIRST_GLANCE__: import('../lib/marketplaces/first-glance').Glance;
