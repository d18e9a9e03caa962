import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { SHARED_MODULES } from './components/overlay/kit/shared';
import { QIANNIU_APP, QIANNIU_SOLD, WATCHER_FILE } from './entrypoints/orders.content/spa-routes';

/** Order-page hosts we read from at install time. WooCommerce shops are added at run time. */
export const PLATFORM_HOSTS = [
  'https://trade.taobao.com/*',
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://mms.pinduoduo.com/*',
  'https://shop.jd.com/*',
  'https://fxg.jinritemai.com/*',
  'https://admin.shopify.com/*',
];

const KIT_PREFIX = '\0kezhi-kit:';

/**
 * In the assistant's build, the project modules listed in components/overlay/kit/shared.ts
 * resolve to a module that reads their listed names from the order script's kit.
 */
function sharedModules(): Plugin {
  const root = import.meta.dirname;
  const byFile = new Map(Object.keys(SHARED_MODULES).map((f) => [resolve(root, f), f]));
  return {
    name: 'kezhi-shared-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(KIT_PREFIX)) return null;
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      const file = found && byFile.get(found.id);
      return file ? KIT_PREFIX + file : null;
    },
    load(id) {
      if (!id.startsWith(KIT_PREFIX)) return null;
      const file = id.slice(KIT_PREFIX.length) as keyof typeof SHARED_MODULES;
      const slot = JSON.stringify(resolve(root, 'components/overlay/kit/slot.ts'));
      return `import { takeKit } from ${slot};\nexport const { ${SHARED_MODULES[file].join(', ')} } = takeKit().modules[${JSON.stringify(file)}];\n`;
    },
  };
}

/**
 * The popup loads its App with a dynamic import once the database is asked (entrypoints/popup/
 * main.tsx); a modulepreload link in its page fetches that file alongside the first one, so the
 * second fetch is not a round trip after the first file has run.
 */
function preloadPopupApp(): Plugin {
  return {
    name: 'kezhi-preload-popup-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !/[\\/]popup[\\/]index\.html$/.test(ctx.filename)) return undefined;
        const app = Object.values(ctx.bundle).find(
          (c) =>
            c.type === 'chunk' &&
            /[\\/]entrypoints[\\/]popup[\\/]App\.tsx$/.test(c.facadeModuleId ?? ''),
        );
        if (!app)
          throw new Error('kezhi-preload-popup-app: no chunk for entrypoints/popup/App.tsx');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${app.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  // KEZHI_OUT_DIR: a build beside the usual one (benchmarks of one build while another is made).
  outDir: process.env.KEZHI_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // npm run zip: the Chrome/Edge zip, the Firefox zip and the sources zip Firefox Add-ons asks for
  // when code is bundled (test/ship/packages.test.ts opens each and checks it).
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    exclude: ['**/*.map'],
    // Only what `npm ci && npm run build:firefox` needs (SOURCE_BUILD.md says how).
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'PRIVACY.md',
      'SOURCE_BUILD.md',
      'CHANGELOG.md',
    ],
  },
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  hooks: {
    // 千牛's route watcher is an unlisted script (no WXT script context: see entrypoints/qianniu.ts)
    // that runs as a content script on the app's other routes.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: QIANNIU_APP,
          exclude_matches: QIANNIU_SOLD,
          js: [WATCHER_FILE],
          run_at: 'document_start',
        },
      ];
    },
    // Content scripts (and the overlay's injected assistant script) use the browser's own promise-based
    // `browser` / `chrome` object, which MV3 Chrome and Firefox both have, instead of
    // webextension-polyfill: 10 kB less to load on every matched page. The background keeps the
    // polyfill (its onMessage listener answers by returning a promise), and so do the pages.
    'vite:build:extendConfig': (entrypoints, config) => {
      // The assistant's build takes Preact from the order script that injects it (components/overlay/kit).
      const assistant = entrypoints.every(
        (e) => e.type === 'unlisted-script' && e.name === 'overlay-assistant',
      );
      const isolated = entrypoints.every(
        (e) =>
          e.type === 'content-script' ||
          (e.type === 'unlisted-script' &&
            ['overlay-assistant', 'qianniu-routed', 'qianniu'].includes(e.name)),
      );
      // The extension's pages (one build): each page's code shared with another page is copied
      // into the page's own file instead of split into shared files. An extension page pays
      // about 10 ms for every file it loads (measured in the popup: its first list waited on
      // seven); copies cost only disk. Copies of one module in two files still run once per
      // page (Rolldown's shared-module registry). pinyin-pro (290 kB) stays one file: the
      // search loads it on demand from two places, and it must not be copied into both.
      if (entrypoints.some((e) => e.type === 'popup')) {
        config.build = {
          ...config.build,
          rolldownOptions: {
            ...config.build?.rolldownOptions,
            preserveEntrySignatures: false,
            output: {
              ...(config.build?.rolldownOptions?.output as object),
              codeSplitting: {
                experimentalInlineCommonChunks: {
                  maxSize: Infinity,
                  exclude: /[\\/]node_modules[\\/]pinyin-pro[\\/]/,
                },
              },
            },
          },
        };
      }
      if (!isolated) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      type Alias = { find: string | RegExp; replacement: string };
      const alias = config.resolve?.alias as Alias[] | Record<string, string> | undefined;
      const rest: Alias[] = Array.isArray(alias)
        ? alias.filter((a) => String(a.find) !== 'wxt/browser')
        : Object.entries(alias ?? {})
            .filter(([find]) => find !== 'wxt/browser')
            .map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      const kit = (file: string) => resolve(import.meta.dirname, 'components/overlay/kit', file);
      const shared: Alias[] = assistant
        ? [
            { find: /^preact$/, replacement: kit('preact.ts') },
            { find: /^preact\/hooks$/, replacement: kit('hooks.ts') },
            { find: /^preact\/jsx-runtime$/, replacement: kit('jsx-runtime.ts') },
          ]
        : [];
      config.resolve = { ...config.resolve, alias: [native, ...shared, ...rest] };
      if (assistant) config.plugins = [...(config.plugins ?? []), sharedModules()];
    },
  },
  vite: () => ({
    plugins: [preact(), preloadPopupApp()],
    // KEZHI_SOURCEMAP=1 npm run build: source maps for bundle attribution and profiles;
    // KEZHI_MINIFY=0: readable function names in a CPU profile.
    build: {
      sourcemap: process.env.KEZHI_SOURCEMAP === '1',
      // A page's dynamic imports load no extra files ahead (Vite's helper added a link element
      // per file as each import started: a profile of the popup's open put it at several ms).
      // The popup's HTML names what it needs at once (preloadPopupApp).
      modulePreload: {
        resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: string }) =>
          hostType === 'html' ? deps : [],
      },
      ...(process.env.KEZHI_MINIFY === '0' ? { minify: false } : {}),
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    // The version comes from package.json alone (WXT copies it into the manifest).
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // scripting: the order script is registered at run time for the seller's WooCommerce hosts.
    // alarms: team sync wakes the worker every 30 s to resume its changes feed.
    permissions: ['storage', 'unlimitedStorage', 'clipboardWrite', 'scripting', 'alarms'],
    host_permissions: PLATFORM_HOSTS,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+K' },
        description: '__MSG_cmdOpenPopup__',
      },
    },
    ...(browser === 'firefox'
      ? {}
      : {
          // 120: alarms every 30 s in packed extensions (team sync); MAIN-world content scripts
          // need 111. Edge follows Chromium's numbers.
          minimum_chrome_version: '120',
        }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kezhi@kezhi.local',
              // 128: MAIN-world content scripts in MV3.
              strict_min_version: '128.0',
              // Nothing is collected or transmitted: buyer data stays on the seller's machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
