-- AlterTable
ALTER TABLE "member" ADD COLUMN     "placed_by" TEXT;

