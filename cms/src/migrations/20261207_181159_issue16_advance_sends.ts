import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_journalists_languages" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_advance_sends_audience" AS ENUM('all', 'group', 'chosen');
  CREATE TYPE "public"."enum_advance_links_languages" AS ENUM('en', 'ru');
  CREATE TABLE "journalists_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_journalists_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "journalists" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"outlet" varchar,
  	"email" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"consent_at" timestamp(3) with time zone NOT NULL,
  	"consent_how" varchar NOT NULL,
  	"consent_recorded_by_id" integer,
  	"terms_accepted_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "journalists_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"journalist_groups_id" integer
  );
  
  CREATE TABLE "journalist_groups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "advance_sends" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"release_id" integer NOT NULL,
  	"number" numeric NOT NULL,
  	"audience" "enum_advance_sends_audience" NOT NULL,
  	"group_id" integer,
  	"recipients" numeric,
  	"require_terms" boolean DEFAULT false,
  	"sent_by_id" integer,
  	"revoked" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "advance_links_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_advance_links_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "advance_links" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"send_id" integer NOT NULL,
  	"journalist_id" integer NOT NULL,
  	"email" varchar NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"first_opened_at" timestamp(3) with time zone,
  	"last_opened_at" timestamp(3) with time zone,
  	"opens" numeric DEFAULT 0,
  	"pdf_downloads" numeric DEFAULT 0,
  	"kit_downloads" numeric DEFAULT 0,
  	"terms_accepted_at" timestamp(3) with time zone,
  	"revoked" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "journalists_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "journalist_groups_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "advance_sends_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "advance_links_id" integer;
  ALTER TABLE "journalists_languages" ADD CONSTRAINT "journalists_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."journalists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "journalists" ADD CONSTRAINT "journalists_consent_recorded_by_id_users_id_fk" FOREIGN KEY ("consent_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "journalists_rels" ADD CONSTRAINT "journalists_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."journalists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "journalists_rels" ADD CONSTRAINT "journalists_rels_journalist_groups_fk" FOREIGN KEY ("journalist_groups_id") REFERENCES "public"."journalist_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "advance_sends" ADD CONSTRAINT "advance_sends_release_id_press_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."press_releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "advance_sends" ADD CONSTRAINT "advance_sends_group_id_journalist_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."journalist_groups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "advance_sends" ADD CONSTRAINT "advance_sends_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "advance_links_languages" ADD CONSTRAINT "advance_links_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."advance_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "advance_links" ADD CONSTRAINT "advance_links_send_id_advance_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."advance_sends"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "advance_links" ADD CONSTRAINT "advance_links_journalist_id_journalists_id_fk" FOREIGN KEY ("journalist_id") REFERENCES "public"."journalists"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "journalists_languages_order_idx" ON "journalists_languages" USING btree ("order");
  CREATE INDEX "journalists_languages_parent_idx" ON "journalists_languages" USING btree ("parent_id");
  CREATE UNIQUE INDEX "journalists_email_idx" ON "journalists" USING btree ("email");
  CREATE INDEX "journalists_consent_consent_recorded_by_idx" ON "journalists" USING btree ("consent_recorded_by_id");
  CREATE INDEX "journalists_updated_at_idx" ON "journalists" USING btree ("updated_at");
  CREATE INDEX "journalists_created_at_idx" ON "journalists" USING btree ("created_at");
  CREATE INDEX "journalists_rels_order_idx" ON "journalists_rels" USING btree ("order");
  CREATE INDEX "journalists_rels_parent_idx" ON "journalists_rels" USING btree ("parent_id");
  CREATE INDEX "journalists_rels_path_idx" ON "journalists_rels" USING btree ("path");
  CREATE INDEX "journalists_rels_journalist_groups_id_idx" ON "journalists_rels" USING btree ("journalist_groups_id");
  CREATE INDEX "journalist_groups_updated_at_idx" ON "journalist_groups" USING btree ("updated_at");
  CREATE INDEX "journalist_groups_created_at_idx" ON "journalist_groups" USING btree ("created_at");
  CREATE UNIQUE INDEX "advance_sends_key_idx" ON "advance_sends" USING btree ("key");
  CREATE INDEX "advance_sends_release_idx" ON "advance_sends" USING btree ("release_id");
  CREATE INDEX "advance_sends_group_idx" ON "advance_sends" USING btree ("group_id");
  CREATE INDEX "advance_sends_sent_by_idx" ON "advance_sends" USING btree ("sent_by_id");
  CREATE INDEX "advance_sends_updated_at_idx" ON "advance_sends" USING btree ("updated_at");
  CREATE INDEX "advance_sends_created_at_idx" ON "advance_sends" USING btree ("created_at");
  CREATE INDEX "advance_links_languages_order_idx" ON "advance_links_languages" USING btree ("order");
  CREATE INDEX "advance_links_languages_parent_idx" ON "advance_links_languages" USING btree ("parent_id");
  CREATE INDEX "advance_links_send_idx" ON "advance_links" USING btree ("send_id");
  CREATE INDEX "advance_links_journalist_idx" ON "advance_links" USING btree ("journalist_id");
  CREATE INDEX "advance_links_updated_at_idx" ON "advance_links" USING btree ("updated_at");
  CREATE INDEX "advance_links_created_at_idx" ON "advance_links" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_journalists_fk" FOREIGN KEY ("journalists_id") REFERENCES "public"."journalists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_journalist_groups_fk" FOREIGN KEY ("journalist_groups_id") REFERENCES "public"."journalist_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_advance_sends_fk" FOREIGN KEY ("advance_sends_id") REFERENCES "public"."advance_sends"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_advance_links_fk" FOREIGN KEY ("advance_links_id") REFERENCES "public"."advance_links"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_journalists_id_idx" ON "payload_locked_documents_rels" USING btree ("journalists_id");
  CREATE INDEX "payload_locked_documents_rels_journalist_groups_id_idx" ON "payload_locked_documents_rels" USING btree ("journalist_groups_id");
  CREATE INDEX "payload_locked_documents_rels_advance_sends_id_idx" ON "payload_locked_documents_rels" USING btree ("advance_sends_id");
  CREATE INDEX "payload_locked_documents_rels_advance_links_id_idx" ON "payload_locked_documents_rels" USING btree ("advance_links_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "journalists_languages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "journalists" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "journalists_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "journalist_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "advance_sends" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "advance_links_languages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "advance_links" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "journalists_languages" CASCADE;
  DROP TABLE "journalists" CASCADE;
  DROP TABLE "journalists_rels" CASCADE;
  DROP TABLE "journalist_groups" CASCADE;
  DROP TABLE "advance_sends" CASCADE;
  DROP TABLE "advance_links_languages" CASCADE;
  DROP TABLE "advance_links" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_journalists_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_journalist_groups_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_advance_sends_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_advance_links_fk";
  
  DROP INDEX "payload_locked_documents_rels_journalists_id_idx";
  DROP INDEX "payload_locked_documents_rels_journalist_groups_id_idx";
  DROP INDEX "payload_locked_documents_rels_advance_sends_id_idx";
  DROP INDEX "payload_locked_documents_rels_advance_links_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "journalists_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "journalist_groups_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "advance_sends_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "advance_links_id";
  DROP TYPE "public"."enum_journalists_languages";
  DROP TYPE "public"."enum_advance_sends_audience";
  DROP TYPE "public"."enum_advance_links_languages";`)
}
