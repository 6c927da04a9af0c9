import { PGlite } from '@electric-sql/pglite';
let t = performance.now();
const lap = (l) => { const n = performance.now(); console.log(l, Math.round(n - t)); t = n; };
const a = await PGlite.create('memory://'); lap('create1');
await a.exec('create table x(a int); insert into x values (1)');
const dump = await a.dumpDataDir('none'); lap('dump ' + dump.size);
const b = await PGlite.create('memory://'); lap('create2');
const c = await PGlite.create('memory://', { loadDataDir: dump }); lap('create from dump');
console.log((await c.query('select * from x')).rows);
