/** Dependency rules of the monorepo (STYLE.md); `npm run depcruise` fails on any violation. */
module.exports = {
  forbidden: [
    {
      name: 'pure-domain',
      comment: 'domain/ folders are pure TypeScript: no framework, GraphQL, SQL, Redis or event-store code',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: '(^node_modules/(@nestjs|graphql|kysely|better-sqlite3|pg|ioredis|bullmq|mercurius|fastify)/)|(^libs/event-store/)|(^libs/core/src/nest/)|(^apps/)',
      },
    },
    {
      name: 'lib-entry-only',
      comment: 'another lib is imported through its @app/<lib> entry (index.ts), never its insides',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/[^/]+/src/.+',
        pathNot: [
          '^libs/$1/',
          '^libs/[^/]+/src/index\\.ts$',
          '^libs/core/src/nest/index\\.ts$',
          '^libs/core/src/testing/index\\.ts$',
        ],
      },
    },
    {
      name: 'libs-not-apps',
      comment: 'libraries never depend on an application',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'framework-free-kernel',
      comment: '@app/core (outside nest/) is imported by pure domains, so it must not pull in Nest',
      severity: 'error',
      from: { path: '^libs/core/src/(?!nest/)' },
      to: { path: '^node_modules/(@nestjs|graphql)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/)|(\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
