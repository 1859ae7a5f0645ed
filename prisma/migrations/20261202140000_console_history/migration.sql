-- CreateTable
CREATE TABLE "console_person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_room" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "member_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_message" (
    "id" BIGSERIAL NOT NULL,
    "person_id" TEXT NOT NULL,
    "room_id" TEXT,
    "text" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "console_message_room_id_id_idx" ON "console_message"("room_id", "id");

-- CreateIndex
CREATE INDEX "console_message_person_id_id_idx" ON "console_message"("person_id", "id");

