import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tests only: Playwright specs live in tests/e2e and run with `playwright test`.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['lib/**/*.test.ts', 'client/**/*.test.ts', 'server/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'pwa/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    // Setup hooks start collectors and sign in with scrypt at N=2^17 (about 1 s each on a busy 2-core machine): the
    // default 10 s cut suites off there, not on a fault of theirs.
    hookTimeout: 60_000,
  },
});
