import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Permissions" for why each permission is requested.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module imports what it uses: nothing appears in a bundle unasked, which matters
  // most for the main-world probe, which must not carry extension code.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // The tracker index is a large JSON file: JSON.parse of a string is far cheaper for
    // the service worker to start than the same data as a JavaScript object literal.
    json: { stringify: true },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['webRequest', 'storage', 'tabs', 'alarms'],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['observer.js'],
        // After parsing: nothing it does needs to happen earlier, and an isolated world
        // set up at document start is most of an extension's cost there.
        run_at: 'document_end',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'targetlens@targetlens.org',
              // The page probe runs in the page's world (content script world: 'MAIN'): 128+.
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
