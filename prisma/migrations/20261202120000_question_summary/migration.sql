-- AlterTable: each answer's picked options in the bank's original order (bit i: option i), so the
-- questions report counts options with a GROUP BY instead of reading every attempt's draw.
ALTER TABLE "answer" ADD COLUMN "picked" SMALLINT;

-- Answers stored before: the shown letters mapped back through the attempt's draw, as
-- pickedOptionBits (quiz/engine/scoring.ts) does for new ones (identity when the draw has no order).
UPDATE "answer" an
   SET "picked" = coalesce((
         SELECT bit_or(1 << o.original)
           FROM (SELECT CASE WHEN jsonb_typeof(t."draw" -> an."position" -> 'order') = 'array'
                              AND jsonb_array_length(t."draw" -> an."position" -> 'order') > 0
                             THEN (t."draw" -> an."position" -> 'order' ->> (ascii(l) - 65))::int
                             ELSE ascii(l) - 65 END AS original
                   FROM regexp_split_to_table(an."response", '') AS l
                  WHERE ascii(l) BETWEEN 65 AND 72) o
          WHERE o.original BETWEEN 0 AND 7), 0)
  FROM "attempt" t
 WHERE t."id" = an."attempt_id";

ALTER TABLE "answer" ALTER COLUMN "picked" SET NOT NULL;

