-- 機構查詢's postings: one row per gram (character or pair) of each institution's folded name,
-- keyed (gram, code, closed). A page of a name query walks one gram's postings in 機構代碼 order and stops
-- once the page is full, and its capped count stops at 1,001 matches, so a broad query costs the
-- same at any size of the directory, even when its matches lie in one range of codes (新竹, 臺東),
-- which the GIN index on search_grams can only gather all of and sort. `closed` is in the key so
-- that the public directory (open institutions only) counts a query of one or two characters
-- from the index alone.
-- The triggers below keep the postings equal to search_grams on every insert, update, delete
-- and truncate of institutions, so that no write path can forget them. They are statement-level
-- with transition tables: the seed inserts thousands of rows per statement.
-- (Prisma does not model triggers, so this migration is hand-written.)
CREATE TABLE "institution_name_postings" (
    "gram" TEXT NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "closed" BOOLEAN NOT NULL,

    CONSTRAINT "institution_name_postings_pkey" PRIMARY KEY ("gram","code","closed")
);

CREATE FUNCTION "institution_name_postings_insert"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "institution_name_postings" ("gram", "code", "closed")
    SELECT DISTINCT g.gram, n."code", n."closed_at" IS NOT NULL FROM "new_rows" AS n, unnest(n."search_grams") AS g(gram)
    ORDER BY 1, 2;
  RETURN NULL;
END;
$$;

-- Only what changed: editing the address of an institution touches no posting, closing it flips
-- its postings' `closed`. Compared as (code, gram, closed) rather than by id, so a changed
-- 機構代碼 moves its postings too.
CREATE FUNCTION "institution_name_postings_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "institution_name_postings" AS p USING (
    SELECT o."code", g.gram, o."closed_at" IS NOT NULL AS closed FROM "old_rows" AS o, unnest(o."search_grams") AS g(gram)
    EXCEPT
    SELECT n."code", g.gram, n."closed_at" IS NOT NULL FROM "new_rows" AS n, unnest(n."search_grams") AS g(gram)
  ) AS gone
  WHERE p."gram" = gone.gram AND p."code" = gone."code" AND p."closed" = gone.closed;
  INSERT INTO "institution_name_postings" ("gram", "code", "closed")
    SELECT added.gram, added."code", added.closed FROM (
      SELECT n."code", g.gram, n."closed_at" IS NOT NULL AS closed FROM "new_rows" AS n, unnest(n."search_grams") AS g(gram)
      EXCEPT
      SELECT o."code", g.gram, o."closed_at" IS NOT NULL FROM "old_rows" AS o, unnest(o."search_grams") AS g(gram)
    ) AS added
    ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "institution_name_postings_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "institution_name_postings" AS p USING (
    SELECT o."code", g.gram FROM "old_rows" AS o, unnest(o."search_grams") AS g(gram)
  ) AS gone
  WHERE p."gram" = gone.gram AND p."code" = gone."code";
  RETURN NULL;
END;
$$;

CREATE FUNCTION "institution_name_postings_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "institution_name_postings";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "institution_name_postings_on_insert"
  AFTER INSERT ON "institutions" REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "institution_name_postings_insert"();

CREATE TRIGGER "institution_name_postings_on_update"
  AFTER UPDATE ON "institutions" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "institution_name_postings_update"();

CREATE TRIGGER "institution_name_postings_on_delete"
  AFTER DELETE ON "institutions" REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "institution_name_postings_delete"();

CREATE TRIGGER "institution_name_postings_on_truncate"
  AFTER TRUNCATE ON "institutions"
  FOR EACH STATEMENT EXECUTE FUNCTION "institution_name_postings_truncate"();

-- The institutions already here.
INSERT INTO "institution_name_postings" ("gram", "code", "closed")
  SELECT DISTINCT g.gram, i."code", i."closed_at" IS NOT NULL FROM "institutions" AS i, unnest(i."search_grams") AS g(gram)
  ORDER BY 1, 2;
