import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { institutionSearchFields } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 300 });
});
afterAll(() => ctx?.close());

const gramsOf = async (code: string) =>
  (await ctx.db.prisma.$queryRaw<{ gram: string }[]>`SELECT gram FROM institution_name_postings WHERE code = ${code}`).map((row) => row.gram).sort();
const closedOf = async (code: string) =>
  (await ctx.db.prisma.$queryRaw<{ closed: boolean }[]>`SELECT DISTINCT closed FROM institution_name_postings WHERE code = ${code}`).map((row) => row.closed);

/** Postings missing for a gram of an institution's search_grams, and postings that no institution holds: none when in step. */
const outOfStep = () =>
  ctx.db.prisma.$queryRaw<{ gram: string; code: string; closed: boolean }[]>`
    (SELECT g.gram, i.code, i.closed_at IS NOT NULL FROM institutions AS i, unnest(i.search_grams) AS g(gram)
     EXCEPT SELECT gram, code, closed FROM institution_name_postings)
    UNION ALL
    (SELECT gram, code, closed FROM institution_name_postings
     EXCEPT SELECT g.gram, i.code, i.closed_at IS NOT NULL FROM institutions AS i, unnest(i.search_grams) AS g(gram))`;

const create = (code: string, name: string) =>
  ctx.db.prisma.institution.create({ data: { code, name, ...institutionSearchFields(name), kind: 'CLINIC', city: '臺東縣' } });

const namesFound = async (q: string) =>
  (await ctx.app.inject({ url: `/api/institutions?q=${encodeURIComponent(q)}` })).json().items.map((item: { name: string }) => item.name);

describe('institution_name_postings are kept in step with institutions by the database', () => {
  it('holds every gram of every seeded institution', async () => {
    const [counted] = await ctx.db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM institution_name_postings`;
    expect(counted?.n).toBeGreaterThan(300 * 10);
    expect(await outOfStep()).toEqual([]);
  });

  it('an insert adds the postings of the new name', async () => {
    await create('9912400001', '台東 晨曦牙醫診所');
    expect(await gramsOf('9912400001')).toEqual([...institutionSearchFields('台東 晨曦牙醫診所').searchGrams].sort());
    expect(await namesFound('晨曦牙')).toEqual(['台東 晨曦牙醫診所']);
  });

  it('renaming replaces them; closing marks them closed; editing anything else leaves them', async () => {
    const { id } = await create('9912400002', '示範暮鼓診所');
    await ctx.db.prisma.institution.update({ where: { id }, data: { name: '示範晨鐘診所', ...institutionSearchFields('示範晨鐘診所') } });
    expect(await gramsOf('9912400002')).toEqual([...institutionSearchFields('示範晨鐘診所').searchGrams].sort());
    expect(await namesFound('暮鼓')).toEqual([]);
    expect(await namesFound('晨鐘')).toEqual(['示範晨鐘診所']);

    await ctx.db.prisma.institution.update({ where: { id }, data: { phone: '089-123456' } });
    expect(await closedOf('9912400002')).toEqual([false]);
    await ctx.db.prisma.institution.update({ where: { id }, data: { closedAt: new Date() } });
    expect(await gramsOf('9912400002')).toEqual([...institutionSearchFields('示範晨鐘診所').searchGrams].sort());
    expect(await closedOf('9912400002')).toEqual([true]);
    expect(await namesFound('晨鐘')).toEqual([]);
    await ctx.db.prisma.institution.update({ where: { id }, data: { closedAt: null } });
    expect(await closedOf('9912400002')).toEqual([false]);
    expect(await namesFound('晨鐘')).toEqual(['示範晨鐘診所']);
    expect(await outOfStep()).toEqual([]);
  });

  it('one statement that swaps two names keeps both in step', async () => {
    await create('9912400003', '示範甲乙診所');
    await create('9912400004', '示範丙丁藥局');
    await ctx.db.prisma.$executeRaw`
      UPDATE institutions AS i SET name = o.name, search_name = o.search_name, search_grams = o.search_grams
        FROM institutions AS o
       WHERE (i.code, o.code) IN (('9912400003', '9912400004'), ('9912400004', '9912400003'))`;
    expect(await gramsOf('9912400003')).toEqual([...institutionSearchFields('示範丙丁藥局').searchGrams].sort());
    expect(await gramsOf('9912400004')).toEqual([...institutionSearchFields('示範甲乙診所').searchGrams].sort());
    expect(await outOfStep()).toEqual([]);
  });

  it('a changed 機構代碼 moves its postings', async () => {
    await create('9912400005', '示範遷址診所');
    await ctx.db.prisma.$executeRaw`UPDATE institutions SET code = '9912400006' WHERE code = '9912400005'`;
    expect(await gramsOf('9912400005')).toEqual([]);
    expect(await gramsOf('9912400006')).toEqual([...institutionSearchFields('示範遷址診所').searchGrams].sort());
  });

  it('a delete removes them', async () => {
    const { id } = await create('9912400007', '示範歇業診所');
    await ctx.db.prisma.institution.delete({ where: { id } });
    expect(await gramsOf('9912400007')).toEqual([]);
    expect(await outOfStep()).toEqual([]);
  });

  it('the migration filled them for the institutions already there', async () => {
    const migrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../prisma/migrations');
    const folder = readdirSync(migrations).find((name) => name.endsWith('_institution_name_postings'))!;
    const sql = readFileSync(path.join(migrations, folder, 'migration.sql'), 'utf8');
    const backfill = sql.slice(sql.lastIndexOf('INSERT INTO'));
    await ctx.db.prisma.$executeRawUnsafe('DELETE FROM institution_name_postings');
    await ctx.db.prisma.$executeRawUnsafe(backfill);
    expect(await outOfStep()).toEqual([]);
  });
});
