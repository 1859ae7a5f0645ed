-- CreateTable
CREATE TABLE "race" (
    "room_id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "deadline" TIMESTAMP(3),
    "scores" JSONB NOT NULL DEFAULT '[]',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "race_pkey" PRIMARY KEY ("room_id")
);

-- CreateTable
CREATE TABLE "bot_room" (
    "account" TEXT NOT NULL,
    "room_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bot_room_pkey" PRIMARY KEY ("account","room_id")
);

-- CreateTable
CREATE TABLE "bot_account" (
    "account" TEXT NOT NULL,
    "rooms_synced_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bot_account_pkey" PRIMARY KEY ("account")
);

-- CreateIndex
CREATE INDEX "race_deadline_idx" ON "race"("deadline");

-- CreateIndex
CREATE INDEX "bot_room_topic_idx" ON "bot_room"("topic");

