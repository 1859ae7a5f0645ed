-- AlterTable
ALTER TABLE "outbound_message" ADD COLUMN     "image" TEXT;
