import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_recipients_preferred_channels" AS ENUM('email', 'post', 'hand-delivery', 'fax', 'via-embassy');
  CREATE TYPE "public"."enum_recipients_kind" AS ENUM('embassy', 'ministry', 'parliament-member', 'committee', 'media-desk', 'international-organisation', 'other');
  CREATE TYPE "public"."enum_recipients_preferred_language" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_dispatches_status" AS ENUM('draft', 'planning', 'planned', 'sending', 'completed');
  CREATE TYPE "public"."enum_dispatch_recipients_channel" AS ENUM('email', 'post', 'hand-delivery', 'fax', 'via-embassy');
  CREATE TYPE "public"."enum_dispatch_recipients_language" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_dispatch_recipients_status" AS ENUM('queued', 'sent', 'delivered', 'bounced', 'acknowledged', 'manual');
  CREATE TYPE "public"."enum_dispatch_manual_records_channel" AS ENUM('post', 'hand-delivery', 'fax', 'via-embassy');
  CREATE TYPE "public"."enum_site_builds_status" AS ENUM('queued', 'running', 'succeeded', 'failed');
  CREATE TYPE "public"."enum_site_builds_timing" AS ENUM('debounced', 'scheduled');
  CREATE TYPE "public"."enum_site_builds_target" AS ENUM('local', 'hook');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'rebuildSite' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'rebuildSite' BEFORE 'schedulePublish';
  CREATE TABLE "recipients_emails" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"address" varchar NOT NULL
  );
  
  CREATE TABLE "recipients_preferred_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_recipients_preferred_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "recipients" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_recipients_kind" NOT NULL,
  	"country" varchar,
  	"postal_address" varchar,
  	"preferred_language" "enum_recipients_preferred_language" DEFAULT 'en' NOT NULL,
  	"notes" varchar,
  	"external_id" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "recipients_locales" (
  	"name" varchar,
  	"role" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "recipients_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"distribution_groups_id" integer
  );
  
  CREATE TABLE "distribution_groups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "distribution_groups_locales" (
  	"name" varchar,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "dispatches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"notice_id" integer NOT NULL,
  	"label" varchar,
  	"status" "enum_dispatches_status" DEFAULT 'draft' NOT NULL,
  	"recipient_count" numeric,
  	"planned_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "dispatches_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"distribution_groups_id" integer,
  	"recipients_id" integer
  );
  
  CREATE TABLE "dispatch_recipients_resends" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"requested_at" timestamp(3) with time zone NOT NULL,
  	"requested_by_id" integer,
  	"attempt" numeric NOT NULL,
  	"reason" varchar NOT NULL
  );
  
  CREATE TABLE "dispatch_recipients" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"dispatch_id" integer NOT NULL,
  	"notice_id" integer NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"recipient_name" varchar,
  	"channel" "enum_dispatch_recipients_channel" NOT NULL,
  	"language" "enum_dispatch_recipients_language" NOT NULL,
  	"status" "enum_dispatch_recipients_status" DEFAULT 'queued' NOT NULL,
  	"attempt" numeric DEFAULT 1 NOT NULL,
  	"queued_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"bounced_at" timestamp(3) with time zone,
  	"bounce_reason" varchar,
  	"manual_at" timestamp(3) with time zone,
  	"acknowledged_at" timestamp(3) with time zone,
  	"mail_delivery_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "dispatch_recipients_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "dispatch_manual_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"dispatch_recipient_id" integer NOT NULL,
  	"channel" "enum_dispatch_manual_records_channel" NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"proof_id" integer NOT NULL,
  	"note" varchar,
  	"dispatch_id" integer,
  	"notice_id" integer,
  	"recipient_id" integer,
  	"recorded_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "dispatch_proofs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "site_builds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"summary" varchar,
  	"status" "enum_site_builds_status" NOT NULL,
  	"timing" "enum_site_builds_timing" NOT NULL,
  	"target" "enum_site_builds_target",
  	"error" varchar,
  	"log_tail" varchar,
  	"requested_at" timestamp(3) with time zone NOT NULL,
  	"not_before" timestamp(3) with time zone,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"duration_seconds" numeric,
  	"pages" numeric,
  	"release" varchar,
  	"job" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_builds_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "statements_locales" ADD COLUMN "text_updated_at" timestamp(3) with time zone;
  ALTER TABLE "_statements_v_locales" ADD COLUMN "version_text_updated_at" timestamp(3) with time zone;
  ALTER TABLE "notices_locales" ADD COLUMN "text_updated_at" timestamp(3) with time zone;
  ALTER TABLE "_notices_v_locales" ADD COLUMN "version_text_updated_at" timestamp(3) with time zone;
  ALTER TABLE "press_releases_locales" ADD COLUMN "text_updated_at" timestamp(3) with time zone;
  ALTER TABLE "_press_releases_v_locales" ADD COLUMN "version_text_updated_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "recipients_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "distribution_groups_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "dispatches_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "dispatch_recipients_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "dispatch_manual_records_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "dispatch_proofs_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "site_builds_id" integer;
  ALTER TABLE "recipients_emails" ADD CONSTRAINT "recipients_emails_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recipients_preferred_channels" ADD CONSTRAINT "recipients_preferred_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recipients_locales" ADD CONSTRAINT "recipients_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recipients_rels" ADD CONSTRAINT "recipients_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "recipients_rels" ADD CONSTRAINT "recipients_rels_distribution_groups_fk" FOREIGN KEY ("distribution_groups_id") REFERENCES "public"."distribution_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "distribution_groups_locales" ADD CONSTRAINT "distribution_groups_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."distribution_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatches_rels" ADD CONSTRAINT "dispatches_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."dispatches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "dispatches_rels" ADD CONSTRAINT "dispatches_rels_distribution_groups_fk" FOREIGN KEY ("distribution_groups_id") REFERENCES "public"."distribution_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "dispatches_rels" ADD CONSTRAINT "dispatches_rels_recipients_fk" FOREIGN KEY ("recipients_id") REFERENCES "public"."recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "dispatch_recipients_resends" ADD CONSTRAINT "dispatch_recipients_resends_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_recipients_resends" ADD CONSTRAINT "dispatch_recipients_resends_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."dispatch_recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "dispatch_recipients" ADD CONSTRAINT "dispatch_recipients_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_recipients" ADD CONSTRAINT "dispatch_recipients_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_recipients" ADD CONSTRAINT "dispatch_recipients_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_recipients_texts" ADD CONSTRAINT "dispatch_recipients_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."dispatch_recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "dispatch_manual_records" ADD CONSTRAINT "dispatch_manual_records_dispatch_recipient_id_dispatch_recipients_id_fk" FOREIGN KEY ("dispatch_recipient_id") REFERENCES "public"."dispatch_recipients"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_manual_records" ADD CONSTRAINT "dispatch_manual_records_proof_id_dispatch_proofs_id_fk" FOREIGN KEY ("proof_id") REFERENCES "public"."dispatch_proofs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_manual_records" ADD CONSTRAINT "dispatch_manual_records_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_manual_records" ADD CONSTRAINT "dispatch_manual_records_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_manual_records" ADD CONSTRAINT "dispatch_manual_records_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "dispatch_manual_records" ADD CONSTRAINT "dispatch_manual_records_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "site_builds_texts" ADD CONSTRAINT "site_builds_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."site_builds"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "recipients_emails_order_idx" ON "recipients_emails" USING btree ("_order");
  CREATE INDEX "recipients_emails_parent_id_idx" ON "recipients_emails" USING btree ("_parent_id");
  CREATE INDEX "recipients_preferred_channels_order_idx" ON "recipients_preferred_channels" USING btree ("order");
  CREATE INDEX "recipients_preferred_channels_parent_idx" ON "recipients_preferred_channels" USING btree ("parent_id");
  CREATE UNIQUE INDEX "recipients_external_id_idx" ON "recipients" USING btree ("external_id");
  CREATE INDEX "recipients_updated_at_idx" ON "recipients" USING btree ("updated_at");
  CREATE INDEX "recipients_created_at_idx" ON "recipients" USING btree ("created_at");
  CREATE UNIQUE INDEX "recipients_locales_locale_parent_id_unique" ON "recipients_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "recipients_rels_order_idx" ON "recipients_rels" USING btree ("order");
  CREATE INDEX "recipients_rels_parent_idx" ON "recipients_rels" USING btree ("parent_id");
  CREATE INDEX "recipients_rels_path_idx" ON "recipients_rels" USING btree ("path");
  CREATE INDEX "recipients_rels_distribution_groups_id_idx" ON "recipients_rels" USING btree ("distribution_groups_id");
  CREATE INDEX "distribution_groups_updated_at_idx" ON "distribution_groups" USING btree ("updated_at");
  CREATE INDEX "distribution_groups_created_at_idx" ON "distribution_groups" USING btree ("created_at");
  CREATE UNIQUE INDEX "distribution_groups_locales_locale_parent_id_unique" ON "distribution_groups_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "dispatches_notice_idx" ON "dispatches" USING btree ("notice_id");
  CREATE INDEX "dispatches_created_by_idx" ON "dispatches" USING btree ("created_by_id");
  CREATE INDEX "dispatches_updated_at_idx" ON "dispatches" USING btree ("updated_at");
  CREATE INDEX "dispatches_created_at_idx" ON "dispatches" USING btree ("created_at");
  CREATE INDEX "dispatches_rels_order_idx" ON "dispatches_rels" USING btree ("order");
  CREATE INDEX "dispatches_rels_parent_idx" ON "dispatches_rels" USING btree ("parent_id");
  CREATE INDEX "dispatches_rels_path_idx" ON "dispatches_rels" USING btree ("path");
  CREATE INDEX "dispatches_rels_distribution_groups_id_idx" ON "dispatches_rels" USING btree ("distribution_groups_id");
  CREATE INDEX "dispatches_rels_recipients_id_idx" ON "dispatches_rels" USING btree ("recipients_id");
  CREATE INDEX "dispatch_recipients_resends_order_idx" ON "dispatch_recipients_resends" USING btree ("_order");
  CREATE INDEX "dispatch_recipients_resends_parent_id_idx" ON "dispatch_recipients_resends" USING btree ("_parent_id");
  CREATE INDEX "dispatch_recipients_resends_requested_by_idx" ON "dispatch_recipients_resends" USING btree ("requested_by_id");
  CREATE INDEX "dispatch_recipients_dispatch_idx" ON "dispatch_recipients" USING btree ("dispatch_id");
  CREATE INDEX "dispatch_recipients_notice_idx" ON "dispatch_recipients" USING btree ("notice_id");
  CREATE INDEX "dispatch_recipients_recipient_idx" ON "dispatch_recipients" USING btree ("recipient_id");
  CREATE INDEX "dispatch_recipients_status_idx" ON "dispatch_recipients" USING btree ("status");
  CREATE INDEX "dispatch_recipients_mail_delivery_key_idx" ON "dispatch_recipients" USING btree ("mail_delivery_key");
  CREATE INDEX "dispatch_recipients_updated_at_idx" ON "dispatch_recipients" USING btree ("updated_at");
  CREATE INDEX "dispatch_recipients_created_at_idx" ON "dispatch_recipients" USING btree ("created_at");
  CREATE UNIQUE INDEX "dispatch_recipient_idx" ON "dispatch_recipients" USING btree ("dispatch_id","recipient_id");
  CREATE INDEX "dispatch_recipients_texts_order_parent" ON "dispatch_recipients_texts" USING btree ("order","parent_id");
  CREATE INDEX "dispatch_manual_records_dispatch_recipient_idx" ON "dispatch_manual_records" USING btree ("dispatch_recipient_id");
  CREATE INDEX "dispatch_manual_records_proof_idx" ON "dispatch_manual_records" USING btree ("proof_id");
  CREATE INDEX "dispatch_manual_records_dispatch_idx" ON "dispatch_manual_records" USING btree ("dispatch_id");
  CREATE INDEX "dispatch_manual_records_notice_idx" ON "dispatch_manual_records" USING btree ("notice_id");
  CREATE INDEX "dispatch_manual_records_recipient_idx" ON "dispatch_manual_records" USING btree ("recipient_id");
  CREATE INDEX "dispatch_manual_records_recorded_by_idx" ON "dispatch_manual_records" USING btree ("recorded_by_id");
  CREATE INDEX "dispatch_manual_records_updated_at_idx" ON "dispatch_manual_records" USING btree ("updated_at");
  CREATE INDEX "dispatch_manual_records_created_at_idx" ON "dispatch_manual_records" USING btree ("created_at");
  CREATE INDEX "dispatch_proofs_updated_at_idx" ON "dispatch_proofs" USING btree ("updated_at");
  CREATE INDEX "dispatch_proofs_created_at_idx" ON "dispatch_proofs" USING btree ("created_at");
  CREATE UNIQUE INDEX "dispatch_proofs_filename_idx" ON "dispatch_proofs" USING btree ("filename");
  CREATE INDEX "site_builds_status_idx" ON "site_builds" USING btree ("status");
  CREATE INDEX "site_builds_requested_at_idx" ON "site_builds" USING btree ("requested_at");
  CREATE INDEX "site_builds_updated_at_idx" ON "site_builds" USING btree ("updated_at");
  CREATE INDEX "site_builds_created_at_idx" ON "site_builds" USING btree ("created_at");
  CREATE INDEX "site_builds_texts_order_parent" ON "site_builds_texts" USING btree ("order","parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_recipients_fk" FOREIGN KEY ("recipients_id") REFERENCES "public"."recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_distribution_groups_fk" FOREIGN KEY ("distribution_groups_id") REFERENCES "public"."distribution_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_dispatches_fk" FOREIGN KEY ("dispatches_id") REFERENCES "public"."dispatches"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_dispatch_recipients_fk" FOREIGN KEY ("dispatch_recipients_id") REFERENCES "public"."dispatch_recipients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_dispatch_manual_records_fk" FOREIGN KEY ("dispatch_manual_records_id") REFERENCES "public"."dispatch_manual_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_dispatch_proofs_fk" FOREIGN KEY ("dispatch_proofs_id") REFERENCES "public"."dispatch_proofs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_site_builds_fk" FOREIGN KEY ("site_builds_id") REFERENCES "public"."site_builds"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_recipients_id_idx" ON "payload_locked_documents_rels" USING btree ("recipients_id");
  CREATE INDEX "payload_locked_documents_rels_distribution_groups_id_idx" ON "payload_locked_documents_rels" USING btree ("distribution_groups_id");
  CREATE INDEX "payload_locked_documents_rels_dispatches_id_idx" ON "payload_locked_documents_rels" USING btree ("dispatches_id");
  CREATE INDEX "payload_locked_documents_rels_dispatch_recipients_id_idx" ON "payload_locked_documents_rels" USING btree ("dispatch_recipients_id");
  CREATE INDEX "payload_locked_documents_rels_dispatch_manual_records_id_idx" ON "payload_locked_documents_rels" USING btree ("dispatch_manual_records_id");
  CREATE INDEX "payload_locked_documents_rels_dispatch_proofs_id_idx" ON "payload_locked_documents_rels" USING btree ("dispatch_proofs_id");
  CREATE INDEX "payload_locked_documents_rels_site_builds_id_idx" ON "payload_locked_documents_rels" USING btree ("site_builds_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "recipients_emails" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recipients_preferred_channels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recipients" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recipients_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "recipients_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "distribution_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "distribution_groups_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dispatches" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dispatches_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dispatch_recipients_resends" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dispatch_recipients" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dispatch_recipients_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dispatch_manual_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "dispatch_proofs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "site_builds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "site_builds_texts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "recipients_emails" CASCADE;
  DROP TABLE "recipients_preferred_channels" CASCADE;
  DROP TABLE "recipients" CASCADE;
  DROP TABLE "recipients_locales" CASCADE;
  DROP TABLE "recipients_rels" CASCADE;
  DROP TABLE "distribution_groups" CASCADE;
  DROP TABLE "distribution_groups_locales" CASCADE;
  DROP TABLE "dispatches" CASCADE;
  DROP TABLE "dispatches_rels" CASCADE;
  DROP TABLE "dispatch_recipients_resends" CASCADE;
  DROP TABLE "dispatch_recipients" CASCADE;
  DROP TABLE "dispatch_recipients_texts" CASCADE;
  DROP TABLE "dispatch_manual_records" CASCADE;
  DROP TABLE "dispatch_proofs" CASCADE;
  DROP TABLE "site_builds" CASCADE;
  DROP TABLE "site_builds_texts" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_recipients_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_distribution_groups_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_dispatches_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_dispatch_recipients_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_dispatch_manual_records_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_dispatch_proofs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_site_builds_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_recipients_id_idx";
  DROP INDEX "payload_locked_documents_rels_distribution_groups_id_idx";
  DROP INDEX "payload_locked_documents_rels_dispatches_id_idx";
  DROP INDEX "payload_locked_documents_rels_dispatch_recipients_id_idx";
  DROP INDEX "payload_locked_documents_rels_dispatch_manual_records_id_idx";
  DROP INDEX "payload_locked_documents_rels_dispatch_proofs_id_idx";
  DROP INDEX "payload_locked_documents_rels_site_builds_id_idx";
  ALTER TABLE "statements_locales" DROP COLUMN "text_updated_at";
  ALTER TABLE "_statements_v_locales" DROP COLUMN "version_text_updated_at";
  ALTER TABLE "notices_locales" DROP COLUMN "text_updated_at";
  ALTER TABLE "_notices_v_locales" DROP COLUMN "version_text_updated_at";
  ALTER TABLE "press_releases_locales" DROP COLUMN "text_updated_at";
  ALTER TABLE "_press_releases_v_locales" DROP COLUMN "version_text_updated_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "recipients_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "distribution_groups_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "dispatches_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "dispatch_recipients_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "dispatch_manual_records_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "dispatch_proofs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "site_builds_id";
  DROP TYPE "public"."enum_recipients_preferred_channels";
  DROP TYPE "public"."enum_recipients_kind";
  DROP TYPE "public"."enum_recipients_preferred_language";
  DROP TYPE "public"."enum_dispatches_status";
  DROP TYPE "public"."enum_dispatch_recipients_channel";
  DROP TYPE "public"."enum_dispatch_recipients_language";
  DROP TYPE "public"."enum_dispatch_recipients_status";
  DROP TYPE "public"."enum_dispatch_manual_records_channel";
  DROP TYPE "public"."enum_site_builds_status";
  DROP TYPE "public"."enum_site_builds_timing";
  DROP TYPE "public"."enum_site_builds_target";`)
}
