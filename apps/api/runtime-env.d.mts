/** Types of runtime-env.mjs (a plain script, so that it runs before tsx is loaded). */
export declare function withApiRuntimeEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv & { UV_THREADPOOL_SIZE: string };
