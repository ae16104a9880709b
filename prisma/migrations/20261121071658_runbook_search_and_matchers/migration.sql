-- Label matchers link a runbook to alerts by their labels; revisions keep them so a restore restores them.
ALTER TABLE "runbooks" ADD COLUMN     "label_matchers" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "runbook_revisions" ADD COLUMN     "label_matchers" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- array_to_string is only STABLE (it calls type output functions), which a generated column refuses;
-- over text[] it cannot change, so this wrapper is declared IMMUTABLE.
CREATE FUNCTION "runbook_search_text"(TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

-- Full-text search over title (weight A), tags (B) and body. Prisma sees an Unsupported("tsvector")
-- column it never writes; Postgres keeps it up to date on every insert and update. The body's
-- lexemes are stripped of positions: that keeps the vector a few times smaller (ranking and the
-- seq-scan filter read it for every candidate row), at the price of body matches ranking as weight D
-- and phrase (<->) queries not matching the body, which the search never sends.
ALTER TABLE "runbooks" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, "runbook_search_text"("tags")), 'B') ||
  strip(to_tsvector('english'::regconfig, coalesce("body", '')))
) STORED;

-- CreateIndex
CREATE INDEX "runbooks_search_vector_idx" ON "runbooks" USING GIN ("search_vector");
