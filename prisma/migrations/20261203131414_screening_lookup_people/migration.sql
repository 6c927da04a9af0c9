-- AlterTable
ALTER TABLE "screening_lookup_counters" ADD COLUMN     "people" INTEGER NOT NULL DEFAULT 0;
