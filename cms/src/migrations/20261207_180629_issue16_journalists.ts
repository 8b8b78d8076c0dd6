import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_subscribers_frequency" AS ENUM('immediate', 'daily', 'weekly');
  CREATE TYPE "public"."enum_subscribers_language_format" AS ENUM('perLanguage', 'bilingual');
  CREATE TYPE "public"."enum_digest_periods_kind" AS ENUM('daily', 'weekly');
  CREATE TYPE "public"."enum_digest_periods_status" AS ENUM('planning', 'planned');
  CREATE TYPE "public"."enum_site_settings_digest_weekday" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TABLE "digest_periods" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"kind" "enum_digest_periods_kind" NOT NULL,
  	"start" timestamp(3) with time zone NOT NULL,
  	"end" timestamp(3) with time zone NOT NULL,
  	"status" "enum_digest_periods_status" DEFAULT 'planning' NOT NULL,
  	"planned" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "subscribers" ADD COLUMN "frequency" "enum_subscribers_frequency" DEFAULT 'immediate';
  ALTER TABLE "subscribers" ADD COLUMN "language_notices" boolean DEFAULT true;
  ALTER TABLE "subscribers" ADD COLUMN "language_format" "enum_subscribers_language_format" DEFAULT 'perLanguage';
  ALTER TABLE "sends" ADD COLUMN "waiting_for" varchar;
  ALTER TABLE "sends" ADD COLUMN "waiting_since" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "digest_periods_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "digest_hour" numeric DEFAULT 8 NOT NULL;
  ALTER TABLE "site_settings" ADD COLUMN "digest_weekday" "enum_site_settings_digest_weekday" DEFAULT 'monday' NOT NULL;
  ALTER TABLE "site_settings_locales" ADD COLUMN "notes_to_editors" varchar;
  CREATE UNIQUE INDEX "digest_periods_key_idx" ON "digest_periods" USING btree ("key");
  CREATE INDEX "digest_periods_kind_idx" ON "digest_periods" USING btree ("kind");
  CREATE INDEX "digest_periods_end_idx" ON "digest_periods" USING btree ("end");
  CREATE INDEX "digest_periods_updated_at_idx" ON "digest_periods" USING btree ("updated_at");
  CREATE INDEX "digest_periods_created_at_idx" ON "digest_periods" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_digest_periods_fk" FOREIGN KEY ("digest_periods_id") REFERENCES "public"."digest_periods"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "subscribers_frequency_idx" ON "subscribers" USING btree ("frequency");
  CREATE INDEX "sends_waiting_for_idx" ON "sends" USING btree ("waiting_for");
  CREATE INDEX "payload_locked_documents_rels_digest_periods_id_idx" ON "payload_locked_documents_rels" USING btree ("digest_periods_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "digest_periods" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "digest_periods" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_digest_periods_fk";
  
  DROP INDEX "subscribers_frequency_idx";
  DROP INDEX "sends_waiting_for_idx";
  DROP INDEX "payload_locked_documents_rels_digest_periods_id_idx";
  ALTER TABLE "subscribers" DROP COLUMN "frequency";
  ALTER TABLE "subscribers" DROP COLUMN "language_notices";
  ALTER TABLE "subscribers" DROP COLUMN "language_format";
  ALTER TABLE "sends" DROP COLUMN "waiting_for";
  ALTER TABLE "sends" DROP COLUMN "waiting_since";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "digest_periods_id";
  ALTER TABLE "site_settings" DROP COLUMN "digest_hour";
  ALTER TABLE "site_settings" DROP COLUMN "digest_weekday";
  ALTER TABLE "site_settings_locales" DROP COLUMN "notes_to_editors";
  DROP TYPE "public"."enum_subscribers_frequency";
  DROP TYPE "public"."enum_subscribers_language_format";
  DROP TYPE "public"."enum_digest_periods_kind";
  DROP TYPE "public"."enum_digest_periods_status";
  DROP TYPE "public"."enum_site_settings_digest_weekday";`)
}
