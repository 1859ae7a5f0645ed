-- AlterTable
ALTER TABLE "bank" ADD COLUMN     "content_hash" TEXT;

