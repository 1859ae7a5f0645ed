-- AlterTable
ALTER TABLE "round" ADD COLUMN     "channels" TEXT[] DEFAULT ARRAY['chat', 'sheet']::TEXT[];

-- CreateTable
CREATE TABLE "web_progress" (
    "attempt_id" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "web_progress_pkey" PRIMARY KEY ("attempt_id")
);

-- AddForeignKey
ALTER TABLE "web_progress" ADD CONSTRAINT "web_progress_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

