import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DnsccServer } from './support/dnscc-server';
import { REPORT, aReport } from './support/incident-operations';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `Skipping the GraphiQL browser test: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`,
  );
}

/** GraphiQL as a person uses it: the page renders offline in Chromium and runs a query against the API. */
describeWithBrowser('GraphiQL in a browser', () => {
  jest.setTimeout(60_000);
  let server: DnsccServer;
  let browser: Browser;
  let profile: string;

  beforeAll(async () => {
    server = await DnsccServer.start();
    profile = mkdtempSync(path.join(tmpdir(), 'dnscc-chromium-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    await server.dispose();
  });

  it('renders from local files and runs the default query against /graphql', async () => {
    const api = server.client();
    await api.expectData(REPORT, { input: aReport({ domains: ['graphiql-check.example.com'] }) });

    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) outside.push(request.url());
    });
    // As a person would paste their token into the Headers tab, which GraphiQL keeps in localStorage.
    const headers = JSON.stringify({ Authorization: `Bearer ${server.coordinatorToken ?? ''}` });
    await page.addInitScript({
      content: `localStorage.setItem('graphiql:headers', ${JSON.stringify(headers)});`,
    });
    await page.goto(`${server.url}/graphiql`);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('graphiql-check.example.com').waitFor({ timeout: 20_000 });
    expect(await result.textContent()).toContain('"totalCount": 1');
    expect(outside).toEqual([]);
    await page.screenshot({ path: path.join(server.dataDir, 'graphiql.png') });
  });
});
