import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_statements_change_notes_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum_statements_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum__statements_v_version_change_notes_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum__statements_v_version_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum_notices_change_notes_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum_notices_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum__notices_v_version_change_notes_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum__notices_v_version_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum_press_releases_change_notes_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum_press_releases_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum_press_releases_embargountil_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum__press_releases_v_version_change_notes_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum__press_releases_v_version_date_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum__press_releases_v_version_embargountil_tz" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  CREATE TYPE "public"."enum_site_settings_default_timezone" AS ENUM('Europe/Moscow', 'Europe/Kyiv', 'Europe/Minsk', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'UTC');
  ALTER TYPE "public"."enum_sends_status" ADD VALUE 'cancelled';
  CREATE TABLE "test_sends" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sent_by_id" integer,
  	"to" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"locale" varchar NOT NULL,
  	"label" varchar,
  	"source_collection" varchar NOT NULL,
  	"source_id" numeric NOT NULL,
  	"transport" varchar,
  	"provider_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "statements_change_notes" ADD COLUMN "date_tz" "enum_statements_change_notes_date_tz";
  ALTER TABLE "statements" ADD COLUMN "date_tz" "enum_statements_date_tz";
  ALTER TABLE "_statements_v_version_change_notes" ADD COLUMN "date_tz" "enum__statements_v_version_change_notes_date_tz";
  ALTER TABLE "_statements_v" ADD COLUMN "version_date_tz" "enum__statements_v_version_date_tz";
  ALTER TABLE "notices_change_notes" ADD COLUMN "date_tz" "enum_notices_change_notes_date_tz";
  ALTER TABLE "notices" ADD COLUMN "date_tz" "enum_notices_date_tz";
  ALTER TABLE "_notices_v_version_change_notes" ADD COLUMN "date_tz" "enum__notices_v_version_change_notes_date_tz";
  ALTER TABLE "_notices_v" ADD COLUMN "version_date_tz" "enum__notices_v_version_date_tz";
  ALTER TABLE "press_releases_change_notes" ADD COLUMN "date_tz" "enum_press_releases_change_notes_date_tz";
  ALTER TABLE "press_releases" ADD COLUMN "date_tz" "enum_press_releases_date_tz";
  ALTER TABLE "press_releases" ADD COLUMN "embargountil_tz" "enum_press_releases_embargountil_tz";
  ALTER TABLE "_press_releases_v_version_change_notes" ADD COLUMN "date_tz" "enum__press_releases_v_version_change_notes_date_tz";
  ALTER TABLE "_press_releases_v" ADD COLUMN "version_date_tz" "enum__press_releases_v_version_date_tz";
  ALTER TABLE "_press_releases_v" ADD COLUMN "version_embargountil_tz" "enum__press_releases_v_version_embargountil_tz";
  ALTER TABLE "sends" ADD COLUMN "hold_until" timestamp(3) with time zone;
  ALTER TABLE "sends" ADD COLUMN "cancelled_at" timestamp(3) with time zone;
  ALTER TABLE "sends" ADD COLUMN "cancelled_by_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "test_sends_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "default_timezone" "enum_site_settings_default_timezone" DEFAULT 'Europe/Moscow' NOT NULL;
  ALTER TABLE "site_settings" ADD COLUMN "publication_email_grace_seconds" numeric DEFAULT 120 NOT NULL;
  ALTER TABLE "test_sends" ADD CONSTRAINT "test_sends_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "test_sends_sent_by_idx" ON "test_sends" USING btree ("sent_by_id");
  CREATE INDEX "test_sends_updated_at_idx" ON "test_sends" USING btree ("updated_at");
  CREATE INDEX "test_sends_created_at_idx" ON "test_sends" USING btree ("created_at");
  ALTER TABLE "sends" ADD CONSTRAINT "sends_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_test_sends_fk" FOREIGN KEY ("test_sends_id") REFERENCES "public"."test_sends"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "sends_hold_until_idx" ON "sends" USING btree ("hold_until");
  CREATE INDEX "sends_cancelled_by_idx" ON "sends" USING btree ("cancelled_by_id");
  CREATE INDEX "payload_locked_documents_rels_test_sends_id_idx" ON "payload_locked_documents_rels" USING btree ("test_sends_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "test_sends" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "test_sends" CASCADE;
  ALTER TABLE "sends" DROP CONSTRAINT "sends_cancelled_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_test_sends_fk";
  
  ALTER TABLE "sends" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "sends" ALTER COLUMN "status" SET DEFAULT 'planning'::text;
  DROP TYPE "public"."enum_sends_status";
  CREATE TYPE "public"."enum_sends_status" AS ENUM('planning', 'sending', 'done');
  ALTER TABLE "sends" ALTER COLUMN "status" SET DEFAULT 'planning'::"public"."enum_sends_status";
  ALTER TABLE "sends" ALTER COLUMN "status" SET DATA TYPE "public"."enum_sends_status" USING "status"::"public"."enum_sends_status";
  DROP INDEX "sends_hold_until_idx";
  DROP INDEX "sends_cancelled_by_idx";
  DROP INDEX "payload_locked_documents_rels_test_sends_id_idx";
  ALTER TABLE "statements_change_notes" DROP COLUMN "date_tz";
  ALTER TABLE "statements" DROP COLUMN "date_tz";
  ALTER TABLE "_statements_v_version_change_notes" DROP COLUMN "date_tz";
  ALTER TABLE "_statements_v" DROP COLUMN "version_date_tz";
  ALTER TABLE "notices_change_notes" DROP COLUMN "date_tz";
  ALTER TABLE "notices" DROP COLUMN "date_tz";
  ALTER TABLE "_notices_v_version_change_notes" DROP COLUMN "date_tz";
  ALTER TABLE "_notices_v" DROP COLUMN "version_date_tz";
  ALTER TABLE "press_releases_change_notes" DROP COLUMN "date_tz";
  ALTER TABLE "press_releases" DROP COLUMN "date_tz";
  ALTER TABLE "press_releases" DROP COLUMN "embargountil_tz";
  ALTER TABLE "_press_releases_v_version_change_notes" DROP COLUMN "date_tz";
  ALTER TABLE "_press_releases_v" DROP COLUMN "version_date_tz";
  ALTER TABLE "_press_releases_v" DROP COLUMN "version_embargountil_tz";
  ALTER TABLE "sends" DROP COLUMN "hold_until";
  ALTER TABLE "sends" DROP COLUMN "cancelled_at";
  ALTER TABLE "sends" DROP COLUMN "cancelled_by_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "test_sends_id";
  ALTER TABLE "site_settings" DROP COLUMN "default_timezone";
  ALTER TABLE "site_settings" DROP COLUMN "publication_email_grace_seconds";
  DROP TYPE "public"."enum_statements_change_notes_date_tz";
  DROP TYPE "public"."enum_statements_date_tz";
  DROP TYPE "public"."enum__statements_v_version_change_notes_date_tz";
  DROP TYPE "public"."enum__statements_v_version_date_tz";
  DROP TYPE "public"."enum_notices_change_notes_date_tz";
  DROP TYPE "public"."enum_notices_date_tz";
  DROP TYPE "public"."enum__notices_v_version_change_notes_date_tz";
  DROP TYPE "public"."enum__notices_v_version_date_tz";
  DROP TYPE "public"."enum_press_releases_change_notes_date_tz";
  DROP TYPE "public"."enum_press_releases_date_tz";
  DROP TYPE "public"."enum_press_releases_embargountil_tz";
  DROP TYPE "public"."enum__press_releases_v_version_change_notes_date_tz";
  DROP TYPE "public"."enum__press_releases_v_version_date_tz";
  DROP TYPE "public"."enum__press_releases_v_version_embargountil_tz";
  DROP TYPE "public"."enum_site_settings_default_timezone";`)
}
