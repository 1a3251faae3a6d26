-- AlterTable
ALTER TABLE "EvalRun" ADD COLUMN     "criteria" JSONB;
