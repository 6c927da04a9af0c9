-- CreateEnum
CREATE TYPE "OidcKeyState" AS ENUM ('NEXT', 'ACTIVE', 'RETIRED');

-- CreateTable
CREATE TABLE "oidc_clients" (
    "id" UUID NOT NULL,
    "subsystem_id" UUID NOT NULL,
    "client_id" VARCHAR(40) NOT NULL,
    "redirect_uris" TEXT[],
    "post_logout_redirect_uris" TEXT[],
    "backchannel_logout_uri" VARCHAR(300),
    "token_endpoint_auth_method" VARCHAR(40) NOT NULL,
    "jwks" JSONB,
    "id_token_signed_response_alg" VARCHAR(10) NOT NULL,
    "allow_refresh_token" BOOLEAN NOT NULL,
    "client_credentials_scopes" TEXT[],
    "secret_cipher" BYTEA,
    "secret_rotated_at" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oidc_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oidc_payloads" (
    "kind" VARCHAR(40) NOT NULL,
    "id" VARCHAR(200) NOT NULL,
    "payload" JSONB NOT NULL,
    "grant_id" VARCHAR(200),
    "uid" VARCHAR(200),
    "account_id" VARCHAR(200),
    "client_id" VARCHAR(200),
    "expires_at" TIMESTAMPTZ(3),
    "consumed_at" TIMESTAMPTZ(3),

    CONSTRAINT "oidc_payloads_pkey" PRIMARY KEY ("kind","id")
);

-- CreateTable
CREATE TABLE "oidc_signing_keys" (
    "kid" VARCHAR(80) NOT NULL,
    "alg" VARCHAR(10) NOT NULL,
    "private_jwk_cipher" BYTEA NOT NULL,
    "state" "OidcKeyState" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oidc_signing_keys_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "backchannel_logouts" (
    "id" UUID NOT NULL,
    "client_id" VARCHAR(40) NOT NULL,
    "account_id" UUID NOT NULL,
    "reason" VARCHAR(60) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" VARCHAR(1000),
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "backchannel_logouts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "oidc_clients_subsystem_id_key" ON "oidc_clients"("subsystem_id");

-- CreateIndex
CREATE UNIQUE INDEX "oidc_clients_client_id_key" ON "oidc_clients"("client_id");

-- CreateIndex
CREATE INDEX "oidc_payloads_grant_id_idx" ON "oidc_payloads"("grant_id");

-- CreateIndex
CREATE INDEX "oidc_payloads_account_id_idx" ON "oidc_payloads"("account_id");

-- CreateIndex
CREATE INDEX "oidc_payloads_uid_idx" ON "oidc_payloads"("uid");

-- CreateIndex
CREATE INDEX "oidc_payloads_expires_at_idx" ON "oidc_payloads"("expires_at");

-- CreateIndex
CREATE INDEX "oidc_signing_keys_state_idx" ON "oidc_signing_keys"("state");

-- CreateIndex
CREATE INDEX "backchannel_logouts_delivered_at_failed_at_next_attempt_at_idx" ON "backchannel_logouts"("delivered_at", "failed_at", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "oidc_clients" ADD CONSTRAINT "oidc_clients_subsystem_id_fkey" FOREIGN KEY ("subsystem_id") REFERENCES "subsystems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

