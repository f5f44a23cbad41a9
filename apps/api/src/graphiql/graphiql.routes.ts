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
  <script>
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
  </script>
</body>
</html>`;

export function registerGraphiql(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.get('/graphiql', (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
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
