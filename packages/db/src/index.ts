export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions, type SqlRunner } from './database.ts';
export { migrate, pendingMigrations, readMigrations, MigrationError, MIGRATIONS_DIR } from './migrator.ts';
export { loadSecrets, SecretsError, type Secrets } from './secrets.ts';
export { createNationalIdCrypto, type NationalIdCrypto } from './national-id-crypto.ts';
export { hashPassword, verifyPassword, ARGON2_PARAMS } from './password-hash.ts';
export { runSeed, DEFAULT_SYNTHETIC_INSTITUTIONS, type SeedOptions, type SeedReport } from './seed/run-seed.ts';
export { DEMO_ACCOUNTS, DEMO_INSTITUTIONS, DEMO_PASSWORD } from './seed/demo-data.ts';
export { PrismaClient, Prisma } from './generated/prisma/client.ts';
export type * from './generated/prisma/client.ts';
