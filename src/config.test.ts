import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has sensible defaults for a laptop', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'sqlite:./data/commonground.db',
      isHttps: false,
    });
  });

  it('names every bad variable at once', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', TRUST_PROXY: 'perhaps', SECRET_KEY: 'short', SMTP_URL: 'http://x' }),
    ).toThrow(/PORT[\s\S]*TRUST_PROXY[\s\S]*SECRET_KEY[\s\S]*SMTP_URL/);
  });

  it('turns https on from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://cg.example.org/' })).toMatchObject({
      isHttps: true,
      publicUrl: 'https://cg.example.org',
    });
  });

  it('is documented in the README, variable by variable', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(readme).toContain(`| \`${name}\` |`);
  });
});
