-- CreateEnum
CREATE TYPE "ScreeningSex" AS ENUM ('F', 'M');

-- CreateEnum
CREATE TYPE "ScreeningServiceCode" AS ENUM ('ADULT_PREVENTIVE', 'HEPATITIS_BC', 'CERVICAL_PAP', 'CERVICAL_HPV', 'MAMMOGRAPHY', 'FIT', 'H_PYLORI', 'ORAL_MUCOSA', 'LDCT', 'CHILD_PREVENTIVE', 'PRENATAL', 'CESSATION');

-- CreateEnum
CREATE TYPE "ScreeningResultCode" AS ENUM ('NORMAL', 'ABNORMAL', 'POSITIVE', 'NEGATIVE', 'COMPLETED');

-- CreateEnum
CREATE TYPE "FollowUpState" AS ENUM ('PENDING', 'REFERRED', 'DIAGNOSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SmokingStatus" AS ENUM ('NEVER', 'CURRENT', 'FORMER');

-- CreateEnum
CREATE TYPE "BetelNutStatus" AS ENUM ('NEVER', 'CURRENT', 'FORMER');

-- CreateEnum
CREATE TYPE "LookupPurpose" AS ENUM ('CARE', 'FOLLOW_UP', 'SUBSYSTEM_CHECK');

-- CreateEnum
CREATE TYPE "LookupOutcome" AS ENUM ('FOUND', 'NOT_FOUND', 'LIMIT_REACHED');

-- CreateTable
CREATE TABLE "screening_persons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "national_id_cipher" BYTEA NOT NULL,
    "national_id_hash" CHAR(64) NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "ScreeningSex" NOT NULL,
    "indigenous" BOOLEAN NOT NULL DEFAULT false,
    "family_history_breast" BOOLEAN,
    "family_history_colorectal" BOOLEAN,
    "family_history_lung" BOOLEAN,
    "smoking_status" "SmokingStatus",
    "pack_years" REAL,
    "quit_year" SMALLINT,
    "betel_nut_status" "BetelNutStatus",
    "cigarettes_per_day" SMALLINT,
    "ftnd_score" SMALLINT,
    "polio" BOOLEAN,
    "expected_delivery_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "screening_persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "service" "ScreeningServiceCode" NOT NULL,
    "visit_number" SMALLINT,
    "service_date" DATE NOT NULL,
    "institution_code" VARCHAR(10) NOT NULL,
    "result" "ScreeningResultCode" NOT NULL,
    "follow_up_state" "FollowUpState",
    "referred_on" DATE,
    "diagnosed_on" DATE,
    "closed_on" DATE,
    "source_subsystem" VARCHAR(40) NOT NULL,
    "source_record_id" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "screening_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_lookups" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "account_id" UUID,
    "institution_id" UUID,
    "subsystem_code" VARCHAR(40),
    "person_hash" CHAR(64) NOT NULL,
    "purpose" "LookupPurpose" NOT NULL,
    "outcome" "LookupOutcome" NOT NULL,
    "ip" VARCHAR(45),
    "request_id" VARCHAR(60),

    CONSTRAINT "screening_lookups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_lookup_counters" (
    "account_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "lookups" INTEGER NOT NULL,

    CONSTRAINT "screening_lookup_counters_pkey" PRIMARY KEY ("account_id","day")
);

-- CreateTable
CREATE TABLE "screening_lookup_alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "distinct_persons" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,

    CONSTRAINT "screening_lookup_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "screening_persons_national_id_hash_key" ON "screening_persons"("national_id_hash");

-- CreateIndex
CREATE INDEX "screening_records_person_id_service_service_date_idx" ON "screening_records"("person_id", "service", "service_date");

-- CreateIndex
CREATE INDEX "screening_records_institution_code_idx" ON "screening_records"("institution_code");

-- CreateIndex
CREATE UNIQUE INDEX "screening_records_source_subsystem_source_record_id_key" ON "screening_records"("source_subsystem", "source_record_id");

-- CreateIndex
CREATE INDEX "screening_lookups_account_id_at_idx" ON "screening_lookups"("account_id", "at");

-- CreateIndex
CREATE INDEX "screening_lookups_institution_id_id_idx" ON "screening_lookups"("institution_id", "id");

-- CreateIndex
CREATE INDEX "screening_lookups_person_hash_id_idx" ON "screening_lookups"("person_hash", "id");

-- CreateIndex
CREATE INDEX "screening_lookup_alerts_acknowledged_at_created_at_idx" ON "screening_lookup_alerts"("acknowledged_at", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "screening_lookup_alerts_account_id_day_key" ON "screening_lookup_alerts"("account_id", "day");

-- AddForeignKey
ALTER TABLE "screening_records" ADD CONSTRAINT "screening_records_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "screening_persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_records" ADD CONSTRAINT "screening_records_institution_code_fkey" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_records" ADD CONSTRAINT "screening_records_source_subsystem_fkey" FOREIGN KEY ("source_subsystem") REFERENCES "subsystems"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_lookups" ADD CONSTRAINT "screening_lookups_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_lookups" ADD CONSTRAINT "screening_lookups_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_lookup_alerts" ADD CONSTRAINT "screening_lookup_alerts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_lookup_alerts" ADD CONSTRAINT "screening_lookup_alerts_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
