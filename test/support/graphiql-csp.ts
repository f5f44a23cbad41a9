import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/**
 * Opens GraphiQL in headless Chromium with `token` in its Headers tab, runs the default query, opens
 * the documentation explorer, the history and the settings dialog and types into the editor (its
 * autocompletion); returns every Content-Security-Policy violation the page reported meanwhile
 * (blocked scripts, styles, images, fonts, connections), as "directive: blocked URI" lines.
 */
export async function graphiqlCspViolations(serverUrl: string, token: string): Promise<string[]> {
  const profile = mkdtempSync(path.join(tmpdir(), 'dnscc-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
    await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
    const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
    await page.addInitScript({
      content: `localStorage.setItem('graphiql:headers', ${JSON.stringify(headers)});
        document.addEventListener('securitypolicyviolation', (e) =>
          window.reportCspViolation(e.effectiveDirective + ': ' + (e.blockedURI || 'inline')));`,
    });
    await page.goto(`${serverUrl}/graphiql`);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('totalCount').waitFor({ timeout: 20_000 });
    await page.getByLabel('Show Documentation Explorer').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await page.getByLabel('Show History').click();
    await page.getByLabel('Open settings dialog').click();
    await page.keyboard.press('Escape');
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n{ incid');
    await page.locator('.CodeMirror-hints').waitFor({ timeout: 5_000 });
    await page.waitForTimeout(200); // violations are reported asynchronously
    return violations;
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
