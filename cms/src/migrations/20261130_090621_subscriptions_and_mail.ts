import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_subscribers_languages" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_subscribers_kinds" AS ENUM('statement', 'notice', 'pressRelease');
  CREATE TYPE "public"."enum_subscribers_status" AS ENUM('pending', 'active', 'ended');
  CREATE TYPE "public"."enum_subscribers_end_reason" AS ENUM('unsubscribed', 'bounced', 'complained', 'erased');
  CREATE TYPE "public"."enum_subscribers_locale" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_sends_status" AS ENUM('planning', 'sending', 'done');
  CREATE TYPE "public"."enum_deliveries_status" AS ENUM('planned', 'batched', 'queued', 'sent', 'delivered', 'bounced', 'complained', 'failed', 'cancelled');
  CREATE TYPE "public"."enum_mail_batches_status" AS ENUM('open', 'prepared', 'sent', 'failed', 'empty');
  CREATE TYPE "public"."enum_suppressions_reason" AS ENUM('bounced', 'complained', 'manual');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverMail' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'planPublicationSend' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverMail' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'planPublicationSend' BEFORE 'schedulePublish';
  CREATE TABLE "subscribers_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_subscribers_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "subscribers_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_subscribers_kinds",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "subscribers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"status" "enum_subscribers_status" DEFAULT 'pending' NOT NULL,
  	"end_reason" "enum_subscribers_end_reason",
  	"ended_at" timestamp(3) with time zone,
  	"locale" "enum_subscribers_locale" DEFAULT 'en' NOT NULL,
  	"confirmed_at" timestamp(3) with time zone,
  	"consent_at" timestamp(3) with time zone,
  	"consent_text" varchar,
  	"consent_policy_version" varchar,
  	"requested" jsonb,
  	"requested_at" timestamp(3) with time zone,
  	"token_version" numeric DEFAULT 1 NOT NULL,
  	"confirmation_due_at" timestamp(3) with time zone,
  	"confirmation_sweep" varchar,
  	"confirmation_sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscribers_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"topics_id" integer
  );
  
  CREATE TABLE "sends" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"label" varchar NOT NULL,
  	"purpose" varchar NOT NULL,
  	"status" "enum_sends_status" DEFAULT 'planning' NOT NULL,
  	"paused" boolean DEFAULT false,
  	"planned" numeric DEFAULT 0,
  	"sent" numeric DEFAULT 0,
  	"delivered" numeric DEFAULT 0,
  	"bounced" numeric DEFAULT 0,
  	"complained" numeric DEFAULT 0,
  	"failed" numeric DEFAULT 0,
  	"cancelled" numeric DEFAULT 0,
  	"message" jsonb NOT NULL,
  	"source" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"send_id" integer NOT NULL,
  	"recipient" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"subscriber_id" integer,
  	"status" "enum_deliveries_status" DEFAULT 'planned' NOT NULL,
  	"batch_id" integer,
  	"variables" jsonb,
  	"payload" varchar,
  	"provider_message_id" varchar,
  	"attempts" numeric DEFAULT 0,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "mail_batches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"send_id" integer NOT NULL,
  	"status" "enum_mail_batches_status" DEFAULT 'open' NOT NULL,
  	"lease_owner" varchar,
  	"lease_until" timestamp(3) with time zone,
  	"attempts" numeric DEFAULT 0,
  	"idempotency_key" varchar,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "mail_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"provider_message_id" varchar,
  	"processed_at" timestamp(3) with time zone,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "suppressions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"reason" "enum_suppressions_reason" NOT NULL,
  	"detail" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscribers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sends_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "deliveries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mail_batches_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mail_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "suppressions_id" integer;
  ALTER TABLE "subscribers_languages" ADD CONSTRAINT "subscribers_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscribers_kinds" ADD CONSTRAINT "subscribers_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscribers_rels" ADD CONSTRAINT "subscribers_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscribers_rels" ADD CONSTRAINT "subscribers_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_batch_id_mail_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."mail_batches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mail_batches" ADD CONSTRAINT "mail_batches_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "subscribers_languages_order_idx" ON "subscribers_languages" USING btree ("order");
  CREATE INDEX "subscribers_languages_parent_idx" ON "subscribers_languages" USING btree ("parent_id");
  CREATE INDEX "subscribers_kinds_order_idx" ON "subscribers_kinds" USING btree ("order");
  CREATE INDEX "subscribers_kinds_parent_idx" ON "subscribers_kinds" USING btree ("parent_id");
  CREATE UNIQUE INDEX "subscribers_email_idx" ON "subscribers" USING btree ("email");
  CREATE INDEX "subscribers_status_idx" ON "subscribers" USING btree ("status");
  CREATE INDEX "subscribers_confirmation_sweep_idx" ON "subscribers" USING btree ("confirmation_sweep");
  CREATE INDEX "subscribers_updated_at_idx" ON "subscribers" USING btree ("updated_at");
  CREATE INDEX "subscribers_created_at_idx" ON "subscribers" USING btree ("created_at");
  CREATE INDEX "subscribers_rels_order_idx" ON "subscribers_rels" USING btree ("order");
  CREATE INDEX "subscribers_rels_parent_idx" ON "subscribers_rels" USING btree ("parent_id");
  CREATE INDEX "subscribers_rels_path_idx" ON "subscribers_rels" USING btree ("path");
  CREATE INDEX "subscribers_rels_topics_id_idx" ON "subscribers_rels" USING btree ("topics_id");
  CREATE UNIQUE INDEX "sends_key_idx" ON "sends" USING btree ("key");
  CREATE INDEX "sends_updated_at_idx" ON "sends" USING btree ("updated_at");
  CREATE INDEX "sends_created_at_idx" ON "sends" USING btree ("created_at");
  CREATE INDEX "deliveries_send_idx" ON "deliveries" USING btree ("send_id");
  CREATE INDEX "deliveries_subscriber_idx" ON "deliveries" USING btree ("subscriber_id");
  CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status");
  CREATE INDEX "deliveries_batch_idx" ON "deliveries" USING btree ("batch_id");
  CREATE INDEX "deliveries_provider_message_id_idx" ON "deliveries" USING btree ("provider_message_id");
  CREATE INDEX "deliveries_updated_at_idx" ON "deliveries" USING btree ("updated_at");
  CREATE INDEX "deliveries_created_at_idx" ON "deliveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "send_recipient_idx" ON "deliveries" USING btree ("send_id","recipient");
  CREATE INDEX "send_status_idx" ON "deliveries" USING btree ("send_id","status");
  CREATE INDEX "mail_batches_send_idx" ON "mail_batches" USING btree ("send_id");
  CREATE INDEX "mail_batches_status_idx" ON "mail_batches" USING btree ("status");
  CREATE INDEX "mail_batches_lease_until_idx" ON "mail_batches" USING btree ("lease_until");
  CREATE INDEX "mail_batches_updated_at_idx" ON "mail_batches" USING btree ("updated_at");
  CREATE INDEX "mail_batches_created_at_idx" ON "mail_batches" USING btree ("created_at");
  CREATE UNIQUE INDEX "mail_events_event_id_idx" ON "mail_events" USING btree ("event_id");
  CREATE INDEX "mail_events_updated_at_idx" ON "mail_events" USING btree ("updated_at");
  CREATE INDEX "mail_events_created_at_idx" ON "mail_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "suppressions_email_idx" ON "suppressions" USING btree ("email");
  CREATE INDEX "suppressions_updated_at_idx" ON "suppressions" USING btree ("updated_at");
  CREATE INDEX "suppressions_created_at_idx" ON "suppressions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscribers_fk" FOREIGN KEY ("subscribers_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sends_fk" FOREIGN KEY ("sends_id") REFERENCES "public"."sends"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_deliveries_fk" FOREIGN KEY ("deliveries_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mail_batches_fk" FOREIGN KEY ("mail_batches_id") REFERENCES "public"."mail_batches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mail_events_fk" FOREIGN KEY ("mail_events_id") REFERENCES "public"."mail_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_suppressions_fk" FOREIGN KEY ("suppressions_id") REFERENCES "public"."suppressions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_subscribers_id_idx" ON "payload_locked_documents_rels" USING btree ("subscribers_id");
  CREATE INDEX "payload_locked_documents_rels_sends_id_idx" ON "payload_locked_documents_rels" USING btree ("sends_id");
  CREATE INDEX "payload_locked_documents_rels_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("deliveries_id");
  CREATE INDEX "payload_locked_documents_rels_mail_batches_id_idx" ON "payload_locked_documents_rels" USING btree ("mail_batches_id");
  CREATE INDEX "payload_locked_documents_rels_mail_events_id_idx" ON "payload_locked_documents_rels" USING btree ("mail_events_id");
  CREATE INDEX "payload_locked_documents_rels_suppressions_id_idx" ON "payload_locked_documents_rels" USING btree ("suppressions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "subscribers_languages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscribers_kinds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscribers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscribers_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sends" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deliveries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "mail_batches" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "mail_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "suppressions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "subscribers_languages" CASCADE;
  DROP TABLE "subscribers_kinds" CASCADE;
  DROP TABLE "subscribers" CASCADE;
  DROP TABLE "subscribers_rels" CASCADE;
  DROP TABLE "sends" CASCADE;
  DROP TABLE "deliveries" CASCADE;
  DROP TABLE "mail_batches" CASCADE;
  DROP TABLE "mail_events" CASCADE;
  DROP TABLE "suppressions" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscribers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sends_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_deliveries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_mail_batches_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_mail_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_suppressions_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'rebuildSite', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'rebuildSite', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_subscribers_id_idx";
  DROP INDEX "payload_locked_documents_rels_sends_id_idx";
  DROP INDEX "payload_locked_documents_rels_deliveries_id_idx";
  DROP INDEX "payload_locked_documents_rels_mail_batches_id_idx";
  DROP INDEX "payload_locked_documents_rels_mail_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_suppressions_id_idx";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscribers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sends_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "deliveries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mail_batches_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mail_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "suppressions_id";
  DROP TYPE "public"."enum_subscribers_languages";
  DROP TYPE "public"."enum_subscribers_kinds";
  DROP TYPE "public"."enum_subscribers_status";
  DROP TYPE "public"."enum_subscribers_end_reason";
  DROP TYPE "public"."enum_subscribers_locale";
  DROP TYPE "public"."enum_sends_status";
  DROP TYPE "public"."enum_deliveries_status";
  DROP TYPE "public"."enum_mail_batches_status";
  DROP TYPE "public"."enum_suppressions_reason";`)
}
