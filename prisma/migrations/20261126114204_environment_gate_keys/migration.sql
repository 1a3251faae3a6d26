-- Gates written before these keys existed may name an environment that was removed since.
DELETE FROM "EnvironmentGate" WHERE "environmentId" NOT IN (SELECT "id" FROM "Environment");

-- CreateIndex
CREATE INDEX "EnvironmentGate_datasetId_idx" ON "EnvironmentGate"("datasetId");

-- AddForeignKey
ALTER TABLE "EnvironmentGate" ADD CONSTRAINT "EnvironmentGate_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentGate" ADD CONSTRAINT "EnvironmentGate_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
