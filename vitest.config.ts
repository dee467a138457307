import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace libraries are consumed from their TypeScript sources in tests (the `vigie-source` export condition).
const conditions = ['vigie-source'];

export default defineConfig({
  resolve: { conditions: [...conditions, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [...conditions, ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['libs/*/src/**/*.spec.ts', 'apps/api/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        plugins: [svelte()],
        resolve: { conditions: [...conditions, 'browser', ...defaultClientConditions] },
        ssr: { resolve: { conditions: [...conditions, 'browser', ...defaultClientConditions] } },
        test: {
          name: 'wallboard',
          root: 'apps/wallboard',
          include: ['src/**/*.spec.ts'],
          environment: 'jsdom',
          // Ships `.svelte.js` sources that the Svelte plugin must compile.
          server: { deps: { inline: [/@testing-library\/svelte/] } },
        },
      },
    ],
  },
});
