-- AlterTable
ALTER TABLE "Prompt" ADD COLUMN     "latestText" TEXT NOT NULL DEFAULT '';

-- Backfill from each prompt's latest version.
UPDATE "Prompt" p
SET "latestText" = COALESCE(
  v."template",
  (SELECT string_agg(COALESCE(m->>'content', m->>'name', ''), E'\n') FROM jsonb_array_elements(v."messages") AS m),
  ''
)
FROM "PromptVersion" v
WHERE v."promptId" = p."id" AND v."number" = p."latestVersion";
