// Entry for runtime-env.test.ts: reports what the launcher gave it, exits with a code of its own.
process.stdout.write(JSON.stringify({ size: process.env.UV_THREADPOOL_SIZE, args: process.argv.slice(2), flags: process.execArgv, pid: process.pid }));
process.exitCode = 3;
