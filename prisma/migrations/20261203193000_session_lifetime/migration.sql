-- A login's absolute end (decision 002, issue 14 item 11). Existing families end 12 hours
-- after their first token, the absolute lifetime's default.
ALTER TABLE "sessions" ADD COLUMN "absolute_expires_at" TIMESTAMPTZ(3);

UPDATE "sessions" AS s
   SET "absolute_expires_at" = f.started + INTERVAL '12 hours'
  FROM (SELECT "family_id", min("created_at") AS started FROM "sessions" GROUP BY "family_id") AS f
 WHERE f."family_id" = s."family_id";

ALTER TABLE "sessions" ALTER COLUMN "absolute_expires_at" SET NOT NULL;
