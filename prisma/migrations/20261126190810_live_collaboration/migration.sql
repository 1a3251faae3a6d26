-- AlterTable
ALTER TABLE "PromptVersion" ADD COLUMN     "coAuthorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "PromptLiveDocument" (
    "promptId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "editorIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PromptLiveDocument_pkey" PRIMARY KEY ("promptId")
);

-- CreateTable
CREATE TABLE "PromptLiveUpdate" (
    "id" BIGSERIAL NOT NULL,
    "promptId" TEXT NOT NULL,
    "userId" TEXT,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptLiveUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollabPresence" (
    "instanceId" TEXT NOT NULL,
    "documentName" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "activeAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollabPresence_pkey" PRIMARY KEY ("instanceId","documentName","userId")
);

-- CreateIndex
CREATE INDEX "PromptLiveUpdate_promptId_id_idx" ON "PromptLiveUpdate"("promptId", "id");

-- CreateIndex
CREATE INDEX "CollabPresence_projectId_seenAt_idx" ON "CollabPresence"("projectId", "seenAt");

-- AddForeignKey
ALTER TABLE "PromptLiveDocument" ADD CONSTRAINT "PromptLiveDocument_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptLiveUpdate" ADD CONSTRAINT "PromptLiveUpdate_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabPresence" ADD CONSTRAINT "CollabPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
