-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('HOSPITAL', 'CLINIC', 'PHARMACY', 'HEALTH_CENTER');

-- CreateEnum
CREATE TYPE "AccountRole" AS ENUM ('INSTITUTION_MANAGER', 'GENERAL_USER', 'SUBSYSTEM_MANAGER', 'SYSTEM_STAFF');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('PENDING_VERIFICATION', 'PENDING_APPROVAL', 'ACTIVE', 'REJECTED', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "VerificationMethod" AS ENUM ('CARD', 'PAPER', 'MANAGER_APPROVAL');

-- CreateEnum
CREATE TYPE "AccessStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "ManagerRequestKind" AS ENUM ('A', 'B', 'C_A', 'C_B');

-- CreateEnum
CREATE TYPE "ManagerRequestStatus" AS ENUM ('AWAITING_VERIFICATION', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'UNPUBLISHED');

-- CreateTable
CREATE TABLE "institutions" (
    "id" UUID NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "city" VARCHAR(10) NOT NULL,
    "address" VARCHAR(200),
    "phone" VARCHAR(30),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "institutions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subsystems" (
    "id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "url" VARCHAR(300) NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subsystems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subsystem_managers" (
    "account_id" UUID NOT NULL,
    "subsystem_id" UUID NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assigned_by_id" UUID,

    CONSTRAINT "subsystem_managers_pkey" PRIMARY KEY ("account_id","subsystem_id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "account_name" VARCHAR(30) NOT NULL,
    "account_name_key" VARCHAR(30) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "national_id_cipher" BYTEA NOT NULL,
    "national_id_hash" CHAR(64) NOT NULL,
    "name" VARCHAR(50) NOT NULL,
    "phone" VARCHAR(30) NOT NULL,
    "mobile" VARCHAR(20),
    "email" VARCHAR(254) NOT NULL,
    "department" VARCHAR(100),
    "role" "AccountRole" NOT NULL,
    "status" "AccountStatus" NOT NULL,
    "verification_method" "VerificationMethod",
    "application_no" VARCHAR(20),
    "institution_id" UUID,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "activated_at" TIMESTAMPTZ(3),
    "deactivated_at" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subsystem_accesses" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "subsystem_id" UUID NOT NULL,
    "status" "AccessStatus" NOT NULL DEFAULT 'PENDING',
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "reason" VARCHAR(500),

    CONSTRAINT "subsystem_accesses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "manager_requests" (
    "id" UUID NOT NULL,
    "request_no" VARCHAR(20) NOT NULL,
    "kind" "ManagerRequestKind" NOT NULL,
    "status" "ManagerRequestStatus" NOT NULL,
    "account_id" UUID NOT NULL,
    "open_account_id" UUID,
    "requested_by_id" UUID NOT NULL,
    "institution_id" UUID NOT NULL,
    "verification_method" "VerificationMethod",
    "scan_file_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "reason" VARCHAR(500),

    CONSTRAINT "manager_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_challenges" (
    "id" UUID NOT NULL,
    "nonce_hash" CHAR(64) NOT NULL,
    "institution_code" VARCHAR(10) NOT NULL,
    "account_id" UUID,
    "manager_request_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "card_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "id" UUID NOT NULL,
    "filename" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcements" (
    "id" UUID NOT NULL,
    "category" VARCHAR(20) NOT NULL,
    "system" VARCHAR(50) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "announcements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "downloads" (
    "id" UUID NOT NULL,
    "system" VARCHAR(50) NOT NULL,
    "category" VARCHAR(20) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "file_id" UUID NOT NULL,
    "status" "PublicationStatus" NOT NULL DEFAULT 'PUBLISHED',
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "downloads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "family_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "rotated_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "ip" VARCHAR(45),
    "user_agent" VARCHAR(300),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_label" VARCHAR(50),
    "action" VARCHAR(60) NOT NULL,
    "entity_type" VARCHAR(40) NOT NULL,
    "entity_id" VARCHAR(60),
    "before" JSONB,
    "after" JSONB,
    "ip" VARCHAR(45),
    "request_id" VARCHAR(60),

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "institutions_code_key" ON "institutions"("code");

-- CreateIndex
CREATE INDEX "institutions_name_idx" ON "institutions"("name");

-- CreateIndex
CREATE INDEX "institutions_city_kind_idx" ON "institutions"("city", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "subsystems_code_key" ON "subsystems"("code");

-- CreateIndex
CREATE UNIQUE INDEX "subsystems_name_key" ON "subsystems"("name");

-- CreateIndex
CREATE INDEX "subsystem_managers_subsystem_id_idx" ON "subsystem_managers"("subsystem_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_account_name_key_key" ON "accounts"("account_name_key");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_application_no_key" ON "accounts"("application_no");

-- CreateIndex
CREATE INDEX "accounts_institution_id_role_status_idx" ON "accounts"("institution_id", "role", "status");

-- CreateIndex
CREATE INDEX "accounts_national_id_hash_idx" ON "accounts"("national_id_hash");

-- CreateIndex
CREATE INDEX "accounts_status_created_at_idx" ON "accounts"("status", "created_at");

-- CreateIndex
CREATE INDEX "subsystem_accesses_subsystem_id_status_requested_at_idx" ON "subsystem_accesses"("subsystem_id", "status", "requested_at");

-- CreateIndex
CREATE UNIQUE INDEX "subsystem_accesses_account_id_subsystem_id_key" ON "subsystem_accesses"("account_id", "subsystem_id");

-- CreateIndex
CREATE UNIQUE INDEX "manager_requests_request_no_key" ON "manager_requests"("request_no");

-- CreateIndex
CREATE UNIQUE INDEX "manager_requests_open_account_id_key" ON "manager_requests"("open_account_id");

-- CreateIndex
CREATE INDEX "manager_requests_status_due_at_idx" ON "manager_requests"("status", "due_at");

-- CreateIndex
CREATE INDEX "manager_requests_account_id_idx" ON "manager_requests"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "card_challenges_nonce_hash_key" ON "card_challenges"("nonce_hash");

-- CreateIndex
CREATE INDEX "card_challenges_expires_at_idx" ON "card_challenges"("expires_at");

-- CreateIndex
CREATE INDEX "announcements_status_published_at_idx" ON "announcements"("status", "published_at");

-- CreateIndex
CREATE INDEX "downloads_status_published_at_idx" ON "downloads"("status", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_account_id_idx" ON "sessions"("account_id");

-- CreateIndex
CREATE INDEX "sessions_family_id_idx" ON "sessions"("family_id");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "password_reset_tokens_account_id_idx" ON "password_reset_tokens"("account_id");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");

-- AddForeignKey
ALTER TABLE "subsystem_managers" ADD CONSTRAINT "subsystem_managers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsystem_managers" ADD CONSTRAINT "subsystem_managers_subsystem_id_fkey" FOREIGN KEY ("subsystem_id") REFERENCES "subsystems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsystem_accesses" ADD CONSTRAINT "subsystem_accesses_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsystem_accesses" ADD CONSTRAINT "subsystem_accesses_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsystem_accesses" ADD CONSTRAINT "subsystem_accesses_subsystem_id_fkey" FOREIGN KEY ("subsystem_id") REFERENCES "subsystems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_requests" ADD CONSTRAINT "manager_requests_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_requests" ADD CONSTRAINT "manager_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_requests" ADD CONSTRAINT "manager_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_requests" ADD CONSTRAINT "manager_requests_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manager_requests" ADD CONSTRAINT "manager_requests_scan_file_id_fkey" FOREIGN KEY ("scan_file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_challenges" ADD CONSTRAINT "card_challenges_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_challenges" ADD CONSTRAINT "card_challenges_manager_request_id_fkey" FOREIGN KEY ("manager_request_id") REFERENCES "manager_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "downloads" ADD CONSTRAINT "downloads_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
