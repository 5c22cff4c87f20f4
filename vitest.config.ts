import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests only: Playwright specs live in tests/e2e and run with `playwright test`.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['lib/**/*.test.ts', 'client/**/*.test.ts', 'server/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'pwa/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
