import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: { include: ['test/diffusion/**/*.test.ts', 'test/workers/**/*.test.ts'] },
});
