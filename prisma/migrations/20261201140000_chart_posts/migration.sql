-- CreateTable
CREATE TABLE "chart_post" (
    "round_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "posted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chart_post_pkey" PRIMARY KEY ("round_id","kind")
);

