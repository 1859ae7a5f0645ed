-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "unit" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "parent_id" INTEGER,
    "headcount" INTEGER NOT NULL DEFAULT 0,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" SERIAL NOT NULL,
    "wechat_id" TEXT,
    "name" TEXT NOT NULL,
    "unit_id" INTEGER,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bound_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_entry" (
    "id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "similar" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "answer" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "category" TEXT,
    "source_file" TEXT,
    "source_quote" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'organiser',
    "threshold" DOUBLE PRECISION,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "edited_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "knowledge_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unanswered_question" (
    "id" SERIAL NOT NULL,
    "normalized" TEXT NOT NULL,
    "sample_text" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "first_asked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_asked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_outcome" TEXT NOT NULL,
    "resolved_entry_id" TEXT,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "unanswered_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unanswered_ask" (
    "id" SERIAL NOT NULL,
    "question_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "asked_by" TEXT,
    "unit_name" TEXT,
    "asked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unanswered_ask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'organiser',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question" (
    "id" SERIAL NOT NULL,
    "bank_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "stem" TEXT NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "answer" TEXT[],
    "explanation" TEXT,
    "points" INTEGER NOT NULL DEFAULT 10,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source_file" TEXT,
    "source_quote" TEXT,

    CONSTRAINT "question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "round" (
    "id" SERIAL NOT NULL,
    "bank_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "question_count" INTEGER NOT NULL,
    "seconds_per_question" INTEGER NOT NULL DEFAULT 60,
    "attempts_allowed" INTEGER NOT NULL DEFAULT 1,
    "score_rule" TEXT NOT NULL DEFAULT 'best',
    "show_explanations" BOOLEAN NOT NULL DEFAULT true,
    "audience_units" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience_rooms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recurrence" TEXT,
    "parent_round_id" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "opened_at" TIMESTAMP(3),
    "reminded_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "results_posted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempt" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "unit_id" INTEGER,
    "channel" TEXT NOT NULL,
    "draw" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "question_deadline" TIMESTAMP(3),
    "score" INTEGER NOT NULL DEFAULT 0,
    "correct_count" INTEGER NOT NULL DEFAULT 0,
    "max_score" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer" (
    "id" BIGSERIAL NOT NULL,
    "attempt_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "question_id" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "answered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source_message_id" TEXT,

    CONSTRAINT "answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_message" (
    "id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbound_message" (
    "id" BIGSERIAL NOT NULL,
    "account" TEXT NOT NULL,
    "target_kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "outbound_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_name_key" ON "unit"("name");

-- CreateIndex
CREATE UNIQUE INDEX "member_wechat_id_key" ON "member"("wechat_id");

-- CreateIndex
CREATE INDEX "member_unit_id_idx" ON "member"("unit_id");

-- CreateIndex
CREATE INDEX "member_name_idx" ON "member"("name");

-- CreateIndex
CREATE UNIQUE INDEX "unanswered_question_normalized_key" ON "unanswered_question"("normalized");

-- CreateIndex
CREATE INDEX "unanswered_question_resolved_at_count_idx" ON "unanswered_question"("resolved_at", "count");

-- CreateIndex
CREATE INDEX "unanswered_ask_question_id_idx" ON "unanswered_ask"("question_id");

-- CreateIndex
CREATE UNIQUE INDEX "bank_slug_key" ON "bank"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "question_bank_id_key_key" ON "question"("bank_id", "key");

-- CreateIndex
CREATE INDEX "round_status_starts_at_idx" ON "round"("status", "starts_at");

-- CreateIndex
CREATE INDEX "attempt_round_id_member_id_idx" ON "attempt"("round_id", "member_id");

-- CreateIndex
CREATE INDEX "attempt_member_id_finished_at_idx" ON "attempt"("member_id", "finished_at");

-- CreateIndex
CREATE INDEX "attempt_question_deadline_idx" ON "attempt"("question_deadline");

-- CreateIndex
CREATE UNIQUE INDEX "answer_source_message_id_key" ON "answer"("source_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "answer_attempt_id_position_key" ON "answer"("attempt_id", "position");

-- CreateIndex
CREATE INDEX "inbound_message_received_at_idx" ON "inbound_message"("received_at");

-- CreateIndex
CREATE INDEX "outbound_message_account_state_not_before_id_idx" ON "outbound_message"("account", "state", "not_before", "id");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unanswered_ask" ADD CONSTRAINT "unanswered_ask_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "unanswered_question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round" ADD CONSTRAINT "round_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

