-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "arms" JSONB,
ADD COLUMN     "fromArms" JSONB,
ADD COLUMN     "releaseId" TEXT;

-- AlterTable
ALTER TABLE "EnvironmentPrompt" ADD COLUMN     "releaseId" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "arms" JSONB,
ADD COLUMN     "baseArms" JSONB;

-- AlterTable
ALTER TABLE "ReviewEvent" ADD COLUMN     "arms" JSONB,
ADD COLUMN     "baseArms" JSONB;

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "arms" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endVersion" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageCount" (
    "projectId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "UsageCount_pkey" PRIMARY KEY ("promptId","environmentId","releaseId","version","apiKeyId","minute")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "environmentId" TEXT,
    "releaseId" TEXT,
    "apiKeyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "traceId" TEXT,
    "unit" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Release_promptId_createdAt_idx" ON "Release"("promptId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Release_environmentId_status_idx" ON "Release"("environmentId", "status");

-- CreateIndex
CREATE INDEX "UsageCount_projectId_minute_idx" ON "UsageCount"("projectId", "minute");

-- CreateIndex
CREATE INDEX "UsageCount_releaseId_minute_idx" ON "UsageCount"("releaseId", "minute");

-- CreateIndex
CREATE INDEX "Feedback_promptId_version_createdAt_idx" ON "Feedback"("promptId", "version", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_releaseId_createdAt_idx" ON "Feedback"("releaseId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_projectId_createdAt_idx" ON "Feedback"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Deployment_releaseId_createdAt_idx" ON "Deployment"("releaseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EnvironmentPrompt_releaseId_key" ON "EnvironmentPrompt"("releaseId");

-- AddForeignKey
ALTER TABLE "EnvironmentPrompt" ADD CONSTRAINT "EnvironmentPrompt_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
