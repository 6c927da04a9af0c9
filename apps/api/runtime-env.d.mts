/** Types of runtime-env.mjs (a plain script, so that it runs before tsx is loaded). */
export declare function withApiRuntimeEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv & { UV_THREADPOOL_SIZE: string };
/** The Node.js flags the API runs with in `env` (`--liftoff-only` for the embedded PGlite). */
export declare function apiNodeFlags(env?: NodeJS.ProcessEnv): string[];
