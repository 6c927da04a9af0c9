-- CreateTable
CREATE TABLE "job_runs" (
    "job" VARCHAR(60) NOT NULL,
    "run_key" VARCHAR(40) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "result" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job","run_key")
);
