import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** GraphiQL and React from node_modules: no CDN is reachable where dnscc often runs. */
const ASSETS: Record<string, { module: string; file: string; type: string }> = {
  'graphiql.min.js': { module: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { module: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'react.production.min.js': {
    module: 'react',
    file: 'umd/react.production.min.js',
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    module: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
};

/** Packages' `exports` maps hide their UMD files from require.resolve, so go through package.json. */
const assetPath = (asset: { module: string; file: string }): string =>
  path.join(path.dirname(require.resolve(`${asset.module}/package.json`)), asset.file);

/** The page's one inline script; the CSP allows it by its hash, and no other inline script. */
const SCRIPT = `
    const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
    const defaultQuery = [
      '# dnscc: the newest incidents. Docs (top left) list every query and mutation.',
      'query LatestIncidents {',
      '  incidents(first: 10) {',
      '    totalCount',
      '    edges { node { id status severity category tlp reportedAt domains { name } } }',
      '  }',
      '}',
      '',
    ].join('\\n');
    // Every request needs an API token: paste yours into the Headers tab (kept in this browser only).
    const defaultHeaders = '{\\n  "Authorization": "Bearer dnscc_paste-your-token-here"\\n}';
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery,
        defaultHeaders,
        shouldPersistHeaders: true,
        defaultEditorToolsVisibility: 'headers',
      }),
    );
  `;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>dnscc GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script>${SCRIPT}</script>
</body>
</html>`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page's Content-Security-Policy, replacing the API's `default-src 'none'` on this route only:
 * scripts from this origin plus the page's own inline one by hash; inline styles, because GraphiQL's
 * dialogs inject <style> elements whose content varies (so no hash fits, and a hash next to
 * 'unsafe-inline' would switch 'unsafe-inline' off); icons as data: URIs; it fetches /graphql only.
 * test/hardening.e2e.spec.ts drives the page in Chromium and checks it reports no violation.
 */
export const GRAPHIQL_CSP: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", sha256(SCRIPT)],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function registerGraphiql(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.get(
    '/graphiql',
    { helmet: { contentSecurityPolicy: { useDefaults: false, directives: GRAPHIQL_CSP } } },
    (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE),
  );
  app.get<{ Params: { file: string } }>('/graphiql/assets/:file', (request, reply) => {
    const asset = ASSETS[request.params.file];
    if (!asset) return reply.code(404).send({ message: 'Not found' });
    let body = cache.get(asset.file);
    if (!body) {
      body = readFileSync(assetPath(asset));
      cache.set(asset.file, body);
    }
    return reply.type(asset.type).header('cache-control', 'public, max-age=86400').send(body);
  });
}
