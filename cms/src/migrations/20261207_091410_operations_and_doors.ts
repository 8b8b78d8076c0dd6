import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_mail_batches_decision" AS ENUM('send-anyway', 'give-up');
  ALTER TYPE "public"."enum_mail_batches_status" ADD VALUE 'held';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pruneOldData' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pruneOldData' BEFORE 'schedulePublish';
  ALTER TABLE "users" ADD COLUMN "totp_enabled" boolean DEFAULT false;
  ALTER TABLE "users" ADD COLUMN "totp_secret" varchar;
  ALTER TABLE "users" ADD COLUMN "totp_pending_secret" varchar;
  ALTER TABLE "users" ADD COLUMN "totp_recovery_codes" jsonb;
  ALTER TABLE "mail_batches" ADD COLUMN "first_attempt_at" timestamp(3) with time zone;
  ALTER TABLE "mail_batches" ADD COLUMN "messages" numeric;
  ALTER TABLE "mail_batches" ADD COLUMN "decision" "enum_mail_batches_decision";
  ALTER TABLE "mail_batches" ADD COLUMN "decided_by_id" integer;
  ALTER TABLE "mail_batches" ADD COLUMN "decided_at" timestamp(3) with time zone;
  ALTER TABLE "mail_batches" ADD CONSTRAINT "mail_batches_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "mail_batches_decided_by_idx" ON "mail_batches" USING btree ("decided_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "mail_batches" DROP CONSTRAINT "mail_batches_decided_by_id_users_id_fk";
  
  ALTER TABLE "mail_batches" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "mail_batches" ALTER COLUMN "status" SET DEFAULT 'open'::text;
  DROP TYPE "public"."enum_mail_batches_status";
  CREATE TYPE "public"."enum_mail_batches_status" AS ENUM('open', 'prepared', 'sent', 'failed', 'empty');
  ALTER TABLE "mail_batches" ALTER COLUMN "status" SET DEFAULT 'open'::"public"."enum_mail_batches_status";
  ALTER TABLE "mail_batches" ALTER COLUMN "status" SET DATA TYPE "public"."enum_mail_batches_status" USING "status"::"public"."enum_mail_batches_status";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'rebuildSite', 'deliverMail', 'planPublicationSend', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'rebuildSite', 'deliverMail', 'planPublicationSend', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "mail_batches_decided_by_idx";
  ALTER TABLE "users" DROP COLUMN "totp_enabled";
  ALTER TABLE "users" DROP COLUMN "totp_secret";
  ALTER TABLE "users" DROP COLUMN "totp_pending_secret";
  ALTER TABLE "users" DROP COLUMN "totp_recovery_codes";
  ALTER TABLE "mail_batches" DROP COLUMN "first_attempt_at";
  ALTER TABLE "mail_batches" DROP COLUMN "messages";
  ALTER TABLE "mail_batches" DROP COLUMN "decision";
  ALTER TABLE "mail_batches" DROP COLUMN "decided_by_id";
  ALTER TABLE "mail_batches" DROP COLUMN "decided_at";
  DROP TYPE "public"."enum_mail_batches_decision";`)
}
