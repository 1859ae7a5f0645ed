-- At most one unfinished attempt per member and round, so two requests starting one at the same
-- time (two tabs, two instances) cannot both succeed. Partial indexes are not expressed in the
-- Prisma schema; this one lives only here.
UPDATE "attempt" SET "finished_at" = CURRENT_TIMESTAMP, "question_deadline" = NULL
 WHERE "finished_at" IS NULL
   AND "id" NOT IN (SELECT max("id") FROM "attempt" WHERE "finished_at" IS NULL GROUP BY "round_id", "member_id");

CREATE UNIQUE INDEX "attempt_one_unfinished_idx" ON "attempt"("round_id", "member_id") WHERE "finished_at" IS NULL;
