-- AlterTable
ALTER TABLE "knowledge_entry" ADD COLUMN     "not_answered" TEXT[] DEFAULT ARRAY[]::TEXT[];

