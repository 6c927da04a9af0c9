-- 機構查詢 served by an index (issue 17, item 8): the folded name and its characters and pairs
-- of characters, which a GIN index serves for any substring of one character or more.
-- From now on every write computes both with institutionSearchFields (packages/shared/src/rules/
-- institution-search.ts); the rows already here are filled once below by the same rule in SQL.
ALTER TABLE "institutions" ADD COLUMN "search_grams" TEXT[],
ADD COLUMN "search_name" VARCHAR(100) NOT NULL DEFAULT '';

UPDATE "institutions" SET "search_name" = regexp_replace(
  translate(
    lower(normalize("name", NFKC)),
    '台衞峯羣裏舖温户眞爲内黄鄕敎淸靑冲綫鷄衆啓恒綉濶麪麫蔴厦隣舘',
    '臺衛峰群裡鋪溫戶真為內黃鄉教清青沖線雞眾啟恆繡闊麵麵麻廈鄰館'
  ),
  '\s', '', 'g'
);

UPDATE "institutions" AS i SET "search_grams" = COALESCE((
  SELECT array_agg(DISTINCT g.gram) FROM (
    SELECT substr(i."search_name", n, 1) AS gram FROM generate_series(1, char_length(i."search_name")) AS n
    UNION
    SELECT substr(i."search_name", n, 2) FROM generate_series(1, char_length(i."search_name") - 1) AS n
  ) AS g
), '{}');

ALTER TABLE "institutions" ALTER COLUMN "search_name" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "institutions_search_grams_idx" ON "institutions" USING GIN ("search_grams");
