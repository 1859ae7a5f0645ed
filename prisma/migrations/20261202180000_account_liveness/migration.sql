-- AlterTable
ALTER TABLE "bot_account" ADD COLUMN     "connected_at" TIMESTAMP(3);

