-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "requestId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_promptId_requestId_key" ON "Feedback"("promptId", "requestId");
