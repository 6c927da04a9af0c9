// Prisma CLI configuration: Prisma 7 reads the datasource URL from here, not from schema.prisma.
// Run the CLI through `pnpm --filter @portal/db prisma …` (packages/db/engine/prisma.mjs), which
// points it at this file and at the offline schema engine.
//
// A plain object rather than `defineConfig(…)`: the CLI validates it the same way, and `prisma`
// is a dependency of packages/db only, so a runtime import of 'prisma/config' would not resolve
// from the repository root (the type-only import below is erased when the file is loaded).
import type { PrismaConfig } from 'prisma/config'

export default {
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // Developer/CI database for migrations. The running app uses PGlite when DATABASE_URL is unset.
    url: process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/portal_dev',
    // Optional: without it the schema engine creates and drops a throw-away shadow database.
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
} satisfies PrismaConfig
