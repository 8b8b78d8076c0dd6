import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_statements_change_notes_kind" AS ENUM('correction', 'update');
  CREATE TYPE "public"."enum_statements_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_statements_translation_state" AS ENUM('complete', 'partial', 'outdated', 'missing');
  CREATE TYPE "public"."enum__statements_v_version_change_notes_kind" AS ENUM('correction', 'update');
  CREATE TYPE "public"."enum__statements_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__statements_v_published_locale" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum__statements_v_version_translation_state" AS ENUM('complete', 'partial', 'outdated', 'missing');
  CREATE TYPE "public"."enum_notices_change_notes_kind" AS ENUM('correction', 'update');
  CREATE TYPE "public"."enum_notices_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_notices_translation_state" AS ENUM('complete', 'partial', 'outdated', 'missing');
  CREATE TYPE "public"."enum__notices_v_version_change_notes_kind" AS ENUM('correction', 'update');
  CREATE TYPE "public"."enum__notices_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__notices_v_published_locale" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum__notices_v_version_translation_state" AS ENUM('complete', 'partial', 'outdated', 'missing');
  CREATE TYPE "public"."enum_press_releases_change_notes_kind" AS ENUM('correction', 'update');
  CREATE TYPE "public"."enum_press_releases_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_press_releases_translation_state" AS ENUM('complete', 'partial', 'outdated', 'missing');
  CREATE TYPE "public"."enum__press_releases_v_version_change_notes_kind" AS ENUM('correction', 'update');
  CREATE TYPE "public"."enum__press_releases_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__press_releases_v_published_locale" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum__press_releases_v_version_translation_state" AS ENUM('complete', 'partial', 'outdated', 'missing');
  CREATE TYPE "public"."enum_press_kits_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__press_kits_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__press_kits_v_published_locale" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_documents_language" AS ENUM('en', 'ru', 'multi');
  CREATE TYPE "public"."enum_press_contacts_languages" AS ENUM('en', 'ru');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'translator');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "statements_signatories" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "statements_signatories_locales" (
  	"name" varchar,
  	"role" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "statements_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum_statements_change_notes_kind" DEFAULT 'update'
  );
  
  CREATE TABLE "statements_change_notes_locales" (
  	"note" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "statements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"slug" varchar,
  	"reference_number" varchar,
  	"first_published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_statements_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "statements_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"place" varchar,
  	"body" jsonb,
  	"translation_state" "enum_statements_translation_state",
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "statements_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer,
  	"press_contacts_id" integer,
  	"topics_id" integer
  );
  
  CREATE TABLE "_statements_v_version_signatories" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_statements_v_version_signatories_locales" (
  	"name" varchar,
  	"role" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_statements_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum__statements_v_version_change_notes_kind" DEFAULT 'update',
  	"_uuid" varchar
  );
  
  CREATE TABLE "_statements_v_version_change_notes_locales" (
  	"note" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_statements_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_date" timestamp(3) with time zone,
  	"version_slug" varchar,
  	"version_reference_number" varchar,
  	"version_first_published_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__statements_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__statements_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_statements_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_place" varchar,
  	"version_body" jsonb,
  	"version_translation_state" "enum__statements_v_version_translation_state",
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_statements_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer,
  	"press_contacts_id" integer,
  	"topics_id" integer
  );
  
  CREATE TABLE "notices_addressees" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notices_addressees_locales" (
  	"group" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "notices_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum_notices_change_notes_kind" DEFAULT 'update'
  );
  
  CREATE TABLE "notices_change_notes_locales" (
  	"note" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "notices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"slug" varchar,
  	"reference_number" varchar,
  	"first_published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_notices_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "notices_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"place" varchar,
  	"body" jsonb,
  	"formal_closing" varchar,
  	"translation_state" "enum_notices_translation_state",
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "notices_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer,
  	"press_contacts_id" integer,
  	"topics_id" integer
  );
  
  CREATE TABLE "_notices_v_version_addressees" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_notices_v_version_addressees_locales" (
  	"group" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_notices_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum__notices_v_version_change_notes_kind" DEFAULT 'update',
  	"_uuid" varchar
  );
  
  CREATE TABLE "_notices_v_version_change_notes_locales" (
  	"note" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_notices_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_date" timestamp(3) with time zone,
  	"version_slug" varchar,
  	"version_reference_number" varchar,
  	"version_first_published_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__notices_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__notices_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_notices_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_place" varchar,
  	"version_body" jsonb,
  	"version_formal_closing" varchar,
  	"version_translation_state" "enum__notices_v_version_translation_state",
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_notices_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer,
  	"press_contacts_id" integer,
  	"topics_id" integer
  );
  
  CREATE TABLE "press_releases_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum_press_releases_change_notes_kind" DEFAULT 'update'
  );
  
  CREATE TABLE "press_releases_change_notes_locales" (
  	"note" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "press_releases" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"slug" varchar,
  	"reference_number" varchar,
  	"first_published_at" timestamp(3) with time zone,
  	"embargo_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_press_releases_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "press_releases_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"place" varchar,
  	"body" jsonb,
  	"translation_state" "enum_press_releases_translation_state",
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "press_releases_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer,
  	"press_contacts_id" integer,
  	"topics_id" integer
  );
  
  CREATE TABLE "_press_releases_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum__press_releases_v_version_change_notes_kind" DEFAULT 'update',
  	"_uuid" varchar
  );
  
  CREATE TABLE "_press_releases_v_version_change_notes_locales" (
  	"note" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_press_releases_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_date" timestamp(3) with time zone,
  	"version_slug" varchar,
  	"version_reference_number" varchar,
  	"version_first_published_at" timestamp(3) with time zone,
  	"version_embargo_until" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__press_releases_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__press_releases_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_press_releases_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"version_place" varchar,
  	"version_body" jsonb,
  	"version_translation_state" "enum__press_releases_v_version_translation_state",
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_press_releases_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer,
  	"press_contacts_id" integer,
  	"topics_id" integer
  );
  
  CREATE TABLE "press_kits" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_press_kits_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "press_kits_locales" (
  	"title" varchar,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "press_kits_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer
  );
  
  CREATE TABLE "_press_kits_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__press_kits_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__press_kits_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_press_kits_v_locales" (
  	"version_title" varchar,
  	"version_description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_press_kits_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer,
  	"documents_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credit" varchar,
  	"licence" varchar,
  	"consent_note" varchar,
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
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_web_url" varchar,
  	"sizes_web_width" numeric,
  	"sizes_web_height" numeric,
  	"sizes_web_mime_type" varchar,
  	"sizes_web_filesize" numeric,
  	"sizes_web_filename" varchar,
  	"sizes_large_url" varchar,
  	"sizes_large_width" numeric,
  	"sizes_large_height" numeric,
  	"sizes_large_mime_type" varchar,
  	"sizes_large_filesize" numeric,
  	"sizes_large_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"language" "enum_documents_language",
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
  
  CREATE TABLE "documents_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "topics" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "topics_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "press_contacts_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_press_contacts_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "press_contacts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar,
  	"is_placeholder" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "press_contacts_locales" (
  	"name" varchar NOT NULL,
  	"role" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" "enum_users_role" DEFAULT 'translator' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "reference_counters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"last" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"statements_id" integer,
  	"notices_id" integer,
  	"press_releases_id" integer,
  	"press_kits_id" integer,
  	"media_id" integer,
  	"documents_id" integer,
  	"topics_id" integer,
  	"press_contacts_id" integer,
  	"users_id" integer,
  	"reference_counters_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_settings_social_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "site_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_url" varchar,
  	"cms_url" varchar,
  	"reference_prefix" varchar DEFAULT 'GC' NOT NULL,
  	"is_placeholder" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "site_settings_locales" (
  	"organization_name" varchar NOT NULL,
  	"organization_description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "statements_signatories" ADD CONSTRAINT "statements_signatories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_signatories_locales" ADD CONSTRAINT "statements_signatories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."statements_signatories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_change_notes" ADD CONSTRAINT "statements_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_change_notes_locales" ADD CONSTRAINT "statements_change_notes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."statements_change_notes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_locales" ADD CONSTRAINT "statements_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_rels" ADD CONSTRAINT "statements_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_rels" ADD CONSTRAINT "statements_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_rels" ADD CONSTRAINT "statements_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_rels" ADD CONSTRAINT "statements_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statements_rels" ADD CONSTRAINT "statements_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_version_signatories" ADD CONSTRAINT "_statements_v_version_signatories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_statements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_version_signatories_locales" ADD CONSTRAINT "_statements_v_version_signatories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_statements_v_version_signatories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_version_change_notes" ADD CONSTRAINT "_statements_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_statements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_version_change_notes_locales" ADD CONSTRAINT "_statements_v_version_change_notes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_statements_v_version_change_notes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v" ADD CONSTRAINT "_statements_v_parent_id_statements_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_statements_v_locales" ADD CONSTRAINT "_statements_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_statements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_rels" ADD CONSTRAINT "_statements_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_statements_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_rels" ADD CONSTRAINT "_statements_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_rels" ADD CONSTRAINT "_statements_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_rels" ADD CONSTRAINT "_statements_v_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_statements_v_rels" ADD CONSTRAINT "_statements_v_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_addressees" ADD CONSTRAINT "notices_addressees_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_addressees_locales" ADD CONSTRAINT "notices_addressees_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notices_addressees"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_change_notes" ADD CONSTRAINT "notices_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_change_notes_locales" ADD CONSTRAINT "notices_change_notes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notices_change_notes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_locales" ADD CONSTRAINT "notices_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notices_rels" ADD CONSTRAINT "notices_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_version_addressees" ADD CONSTRAINT "_notices_v_version_addressees_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_version_addressees_locales" ADD CONSTRAINT "_notices_v_version_addressees_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_notices_v_version_addressees"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_version_change_notes" ADD CONSTRAINT "_notices_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_version_change_notes_locales" ADD CONSTRAINT "_notices_v_version_change_notes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_notices_v_version_change_notes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v" ADD CONSTRAINT "_notices_v_parent_id_notices_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."notices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_notices_v_locales" ADD CONSTRAINT "_notices_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_notices_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_notices_v_rels" ADD CONSTRAINT "_notices_v_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_change_notes" ADD CONSTRAINT "press_releases_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."press_releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_change_notes_locales" ADD CONSTRAINT "press_releases_change_notes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."press_releases_change_notes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_locales" ADD CONSTRAINT "press_releases_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."press_releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_rels" ADD CONSTRAINT "press_releases_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."press_releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_rels" ADD CONSTRAINT "press_releases_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_rels" ADD CONSTRAINT "press_releases_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_rels" ADD CONSTRAINT "press_releases_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_releases_rels" ADD CONSTRAINT "press_releases_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_version_change_notes" ADD CONSTRAINT "_press_releases_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_press_releases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_version_change_notes_locales" ADD CONSTRAINT "_press_releases_v_version_change_notes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_press_releases_v_version_change_notes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v" ADD CONSTRAINT "_press_releases_v_parent_id_press_releases_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."press_releases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_press_releases_v_locales" ADD CONSTRAINT "_press_releases_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_press_releases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_rels" ADD CONSTRAINT "_press_releases_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_press_releases_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_rels" ADD CONSTRAINT "_press_releases_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_rels" ADD CONSTRAINT "_press_releases_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_rels" ADD CONSTRAINT "_press_releases_v_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_releases_v_rels" ADD CONSTRAINT "_press_releases_v_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_kits_locales" ADD CONSTRAINT "press_kits_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."press_kits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_kits_rels" ADD CONSTRAINT "press_kits_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."press_kits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_kits_rels" ADD CONSTRAINT "press_kits_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_kits_rels" ADD CONSTRAINT "press_kits_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v" ADD CONSTRAINT "_press_kits_v_parent_id_press_kits_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."press_kits"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_press_kits_v_locales" ADD CONSTRAINT "_press_kits_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_press_kits_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v_rels" ADD CONSTRAINT "_press_kits_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_press_kits_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v_rels" ADD CONSTRAINT "_press_kits_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v_rels" ADD CONSTRAINT "_press_kits_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "documents_locales" ADD CONSTRAINT "documents_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "topics_locales" ADD CONSTRAINT "topics_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_contacts_languages" ADD CONSTRAINT "press_contacts_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_contacts_locales" ADD CONSTRAINT "press_contacts_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_statements_fk" FOREIGN KEY ("statements_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notices_fk" FOREIGN KEY ("notices_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_press_releases_fk" FOREIGN KEY ("press_releases_id") REFERENCES "public"."press_releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_press_kits_fk" FOREIGN KEY ("press_kits_id") REFERENCES "public"."press_kits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reference_counters_fk" FOREIGN KEY ("reference_counters_id") REFERENCES "public"."reference_counters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings_social_links" ADD CONSTRAINT "site_settings_social_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings_locales" ADD CONSTRAINT "site_settings_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "statements_signatories_order_idx" ON "statements_signatories" USING btree ("_order");
  CREATE INDEX "statements_signatories_parent_id_idx" ON "statements_signatories" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "statements_signatories_locales_locale_parent_id_unique" ON "statements_signatories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "statements_change_notes_order_idx" ON "statements_change_notes" USING btree ("_order");
  CREATE INDEX "statements_change_notes_parent_id_idx" ON "statements_change_notes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "statements_change_notes_locales_locale_parent_id_unique" ON "statements_change_notes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "statements_date_idx" ON "statements" USING btree ("date");
  CREATE UNIQUE INDEX "statements_slug_idx" ON "statements" USING btree ("slug");
  CREATE UNIQUE INDEX "statements_reference_number_idx" ON "statements" USING btree ("reference_number");
  CREATE INDEX "statements_updated_at_idx" ON "statements" USING btree ("updated_at");
  CREATE INDEX "statements_created_at_idx" ON "statements" USING btree ("created_at");
  CREATE INDEX "statements__status_idx" ON "statements" USING btree ("_status");
  CREATE UNIQUE INDEX "statements_locales_locale_parent_id_unique" ON "statements_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "statements_rels_order_idx" ON "statements_rels" USING btree ("order");
  CREATE INDEX "statements_rels_parent_idx" ON "statements_rels" USING btree ("parent_id");
  CREATE INDEX "statements_rels_path_idx" ON "statements_rels" USING btree ("path");
  CREATE INDEX "statements_rels_media_id_idx" ON "statements_rels" USING btree ("media_id");
  CREATE INDEX "statements_rels_documents_id_idx" ON "statements_rels" USING btree ("documents_id");
  CREATE INDEX "statements_rels_press_contacts_id_idx" ON "statements_rels" USING btree ("press_contacts_id");
  CREATE INDEX "statements_rels_topics_id_idx" ON "statements_rels" USING btree ("topics_id");
  CREATE INDEX "_statements_v_version_signatories_order_idx" ON "_statements_v_version_signatories" USING btree ("_order");
  CREATE INDEX "_statements_v_version_signatories_parent_id_idx" ON "_statements_v_version_signatories" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_statements_v_version_signatories_locales_locale_parent_id_u" ON "_statements_v_version_signatories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_statements_v_version_change_notes_order_idx" ON "_statements_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_statements_v_version_change_notes_parent_id_idx" ON "_statements_v_version_change_notes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_statements_v_version_change_notes_locales_locale_parent_id_" ON "_statements_v_version_change_notes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_statements_v_parent_idx" ON "_statements_v" USING btree ("parent_id");
  CREATE INDEX "_statements_v_version_version_date_idx" ON "_statements_v" USING btree ("version_date");
  CREATE INDEX "_statements_v_version_version_slug_idx" ON "_statements_v" USING btree ("version_slug");
  CREATE INDEX "_statements_v_version_version_reference_number_idx" ON "_statements_v" USING btree ("version_reference_number");
  CREATE INDEX "_statements_v_version_version_updated_at_idx" ON "_statements_v" USING btree ("version_updated_at");
  CREATE INDEX "_statements_v_version_version_created_at_idx" ON "_statements_v" USING btree ("version_created_at");
  CREATE INDEX "_statements_v_version_version__status_idx" ON "_statements_v" USING btree ("version__status");
  CREATE INDEX "_statements_v_created_at_idx" ON "_statements_v" USING btree ("created_at");
  CREATE INDEX "_statements_v_updated_at_idx" ON "_statements_v" USING btree ("updated_at");
  CREATE INDEX "_statements_v_snapshot_idx" ON "_statements_v" USING btree ("snapshot");
  CREATE INDEX "_statements_v_published_locale_idx" ON "_statements_v" USING btree ("published_locale");
  CREATE INDEX "_statements_v_latest_idx" ON "_statements_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_statements_v_locales_locale_parent_id_unique" ON "_statements_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_statements_v_rels_order_idx" ON "_statements_v_rels" USING btree ("order");
  CREATE INDEX "_statements_v_rels_parent_idx" ON "_statements_v_rels" USING btree ("parent_id");
  CREATE INDEX "_statements_v_rels_path_idx" ON "_statements_v_rels" USING btree ("path");
  CREATE INDEX "_statements_v_rels_media_id_idx" ON "_statements_v_rels" USING btree ("media_id");
  CREATE INDEX "_statements_v_rels_documents_id_idx" ON "_statements_v_rels" USING btree ("documents_id");
  CREATE INDEX "_statements_v_rels_press_contacts_id_idx" ON "_statements_v_rels" USING btree ("press_contacts_id");
  CREATE INDEX "_statements_v_rels_topics_id_idx" ON "_statements_v_rels" USING btree ("topics_id");
  CREATE INDEX "notices_addressees_order_idx" ON "notices_addressees" USING btree ("_order");
  CREATE INDEX "notices_addressees_parent_id_idx" ON "notices_addressees" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "notices_addressees_locales_locale_parent_id_unique" ON "notices_addressees_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "notices_change_notes_order_idx" ON "notices_change_notes" USING btree ("_order");
  CREATE INDEX "notices_change_notes_parent_id_idx" ON "notices_change_notes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "notices_change_notes_locales_locale_parent_id_unique" ON "notices_change_notes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "notices_date_idx" ON "notices" USING btree ("date");
  CREATE UNIQUE INDEX "notices_slug_idx" ON "notices" USING btree ("slug");
  CREATE UNIQUE INDEX "notices_reference_number_idx" ON "notices" USING btree ("reference_number");
  CREATE INDEX "notices_updated_at_idx" ON "notices" USING btree ("updated_at");
  CREATE INDEX "notices_created_at_idx" ON "notices" USING btree ("created_at");
  CREATE INDEX "notices__status_idx" ON "notices" USING btree ("_status");
  CREATE UNIQUE INDEX "notices_locales_locale_parent_id_unique" ON "notices_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "notices_rels_order_idx" ON "notices_rels" USING btree ("order");
  CREATE INDEX "notices_rels_parent_idx" ON "notices_rels" USING btree ("parent_id");
  CREATE INDEX "notices_rels_path_idx" ON "notices_rels" USING btree ("path");
  CREATE INDEX "notices_rels_media_id_idx" ON "notices_rels" USING btree ("media_id");
  CREATE INDEX "notices_rels_documents_id_idx" ON "notices_rels" USING btree ("documents_id");
  CREATE INDEX "notices_rels_press_contacts_id_idx" ON "notices_rels" USING btree ("press_contacts_id");
  CREATE INDEX "notices_rels_topics_id_idx" ON "notices_rels" USING btree ("topics_id");
  CREATE INDEX "_notices_v_version_addressees_order_idx" ON "_notices_v_version_addressees" USING btree ("_order");
  CREATE INDEX "_notices_v_version_addressees_parent_id_idx" ON "_notices_v_version_addressees" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_notices_v_version_addressees_locales_locale_parent_id_uniqu" ON "_notices_v_version_addressees_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_notices_v_version_change_notes_order_idx" ON "_notices_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_notices_v_version_change_notes_parent_id_idx" ON "_notices_v_version_change_notes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_notices_v_version_change_notes_locales_locale_parent_id_uni" ON "_notices_v_version_change_notes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_notices_v_parent_idx" ON "_notices_v" USING btree ("parent_id");
  CREATE INDEX "_notices_v_version_version_date_idx" ON "_notices_v" USING btree ("version_date");
  CREATE INDEX "_notices_v_version_version_slug_idx" ON "_notices_v" USING btree ("version_slug");
  CREATE INDEX "_notices_v_version_version_reference_number_idx" ON "_notices_v" USING btree ("version_reference_number");
  CREATE INDEX "_notices_v_version_version_updated_at_idx" ON "_notices_v" USING btree ("version_updated_at");
  CREATE INDEX "_notices_v_version_version_created_at_idx" ON "_notices_v" USING btree ("version_created_at");
  CREATE INDEX "_notices_v_version_version__status_idx" ON "_notices_v" USING btree ("version__status");
  CREATE INDEX "_notices_v_created_at_idx" ON "_notices_v" USING btree ("created_at");
  CREATE INDEX "_notices_v_updated_at_idx" ON "_notices_v" USING btree ("updated_at");
  CREATE INDEX "_notices_v_snapshot_idx" ON "_notices_v" USING btree ("snapshot");
  CREATE INDEX "_notices_v_published_locale_idx" ON "_notices_v" USING btree ("published_locale");
  CREATE INDEX "_notices_v_latest_idx" ON "_notices_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_notices_v_locales_locale_parent_id_unique" ON "_notices_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_notices_v_rels_order_idx" ON "_notices_v_rels" USING btree ("order");
  CREATE INDEX "_notices_v_rels_parent_idx" ON "_notices_v_rels" USING btree ("parent_id");
  CREATE INDEX "_notices_v_rels_path_idx" ON "_notices_v_rels" USING btree ("path");
  CREATE INDEX "_notices_v_rels_media_id_idx" ON "_notices_v_rels" USING btree ("media_id");
  CREATE INDEX "_notices_v_rels_documents_id_idx" ON "_notices_v_rels" USING btree ("documents_id");
  CREATE INDEX "_notices_v_rels_press_contacts_id_idx" ON "_notices_v_rels" USING btree ("press_contacts_id");
  CREATE INDEX "_notices_v_rels_topics_id_idx" ON "_notices_v_rels" USING btree ("topics_id");
  CREATE INDEX "press_releases_change_notes_order_idx" ON "press_releases_change_notes" USING btree ("_order");
  CREATE INDEX "press_releases_change_notes_parent_id_idx" ON "press_releases_change_notes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "press_releases_change_notes_locales_locale_parent_id_unique" ON "press_releases_change_notes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "press_releases_date_idx" ON "press_releases" USING btree ("date");
  CREATE UNIQUE INDEX "press_releases_slug_idx" ON "press_releases" USING btree ("slug");
  CREATE UNIQUE INDEX "press_releases_reference_number_idx" ON "press_releases" USING btree ("reference_number");
  CREATE INDEX "press_releases_embargo_until_idx" ON "press_releases" USING btree ("embargo_until");
  CREATE INDEX "press_releases_updated_at_idx" ON "press_releases" USING btree ("updated_at");
  CREATE INDEX "press_releases_created_at_idx" ON "press_releases" USING btree ("created_at");
  CREATE INDEX "press_releases__status_idx" ON "press_releases" USING btree ("_status");
  CREATE UNIQUE INDEX "press_releases_locales_locale_parent_id_unique" ON "press_releases_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "press_releases_rels_order_idx" ON "press_releases_rels" USING btree ("order");
  CREATE INDEX "press_releases_rels_parent_idx" ON "press_releases_rels" USING btree ("parent_id");
  CREATE INDEX "press_releases_rels_path_idx" ON "press_releases_rels" USING btree ("path");
  CREATE INDEX "press_releases_rels_media_id_idx" ON "press_releases_rels" USING btree ("media_id");
  CREATE INDEX "press_releases_rels_documents_id_idx" ON "press_releases_rels" USING btree ("documents_id");
  CREATE INDEX "press_releases_rels_press_contacts_id_idx" ON "press_releases_rels" USING btree ("press_contacts_id");
  CREATE INDEX "press_releases_rels_topics_id_idx" ON "press_releases_rels" USING btree ("topics_id");
  CREATE INDEX "_press_releases_v_version_change_notes_order_idx" ON "_press_releases_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_press_releases_v_version_change_notes_parent_id_idx" ON "_press_releases_v_version_change_notes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_press_releases_v_version_change_notes_locales_locale_parent" ON "_press_releases_v_version_change_notes_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_press_releases_v_parent_idx" ON "_press_releases_v" USING btree ("parent_id");
  CREATE INDEX "_press_releases_v_version_version_date_idx" ON "_press_releases_v" USING btree ("version_date");
  CREATE INDEX "_press_releases_v_version_version_slug_idx" ON "_press_releases_v" USING btree ("version_slug");
  CREATE INDEX "_press_releases_v_version_version_reference_number_idx" ON "_press_releases_v" USING btree ("version_reference_number");
  CREATE INDEX "_press_releases_v_version_version_embargo_until_idx" ON "_press_releases_v" USING btree ("version_embargo_until");
  CREATE INDEX "_press_releases_v_version_version_updated_at_idx" ON "_press_releases_v" USING btree ("version_updated_at");
  CREATE INDEX "_press_releases_v_version_version_created_at_idx" ON "_press_releases_v" USING btree ("version_created_at");
  CREATE INDEX "_press_releases_v_version_version__status_idx" ON "_press_releases_v" USING btree ("version__status");
  CREATE INDEX "_press_releases_v_created_at_idx" ON "_press_releases_v" USING btree ("created_at");
  CREATE INDEX "_press_releases_v_updated_at_idx" ON "_press_releases_v" USING btree ("updated_at");
  CREATE INDEX "_press_releases_v_snapshot_idx" ON "_press_releases_v" USING btree ("snapshot");
  CREATE INDEX "_press_releases_v_published_locale_idx" ON "_press_releases_v" USING btree ("published_locale");
  CREATE INDEX "_press_releases_v_latest_idx" ON "_press_releases_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_press_releases_v_locales_locale_parent_id_unique" ON "_press_releases_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_press_releases_v_rels_order_idx" ON "_press_releases_v_rels" USING btree ("order");
  CREATE INDEX "_press_releases_v_rels_parent_idx" ON "_press_releases_v_rels" USING btree ("parent_id");
  CREATE INDEX "_press_releases_v_rels_path_idx" ON "_press_releases_v_rels" USING btree ("path");
  CREATE INDEX "_press_releases_v_rels_media_id_idx" ON "_press_releases_v_rels" USING btree ("media_id");
  CREATE INDEX "_press_releases_v_rels_documents_id_idx" ON "_press_releases_v_rels" USING btree ("documents_id");
  CREATE INDEX "_press_releases_v_rels_press_contacts_id_idx" ON "_press_releases_v_rels" USING btree ("press_contacts_id");
  CREATE INDEX "_press_releases_v_rels_topics_id_idx" ON "_press_releases_v_rels" USING btree ("topics_id");
  CREATE UNIQUE INDEX "press_kits_slug_idx" ON "press_kits" USING btree ("slug");
  CREATE INDEX "press_kits_updated_at_idx" ON "press_kits" USING btree ("updated_at");
  CREATE INDEX "press_kits_created_at_idx" ON "press_kits" USING btree ("created_at");
  CREATE INDEX "press_kits__status_idx" ON "press_kits" USING btree ("_status");
  CREATE UNIQUE INDEX "press_kits_locales_locale_parent_id_unique" ON "press_kits_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "press_kits_rels_order_idx" ON "press_kits_rels" USING btree ("order");
  CREATE INDEX "press_kits_rels_parent_idx" ON "press_kits_rels" USING btree ("parent_id");
  CREATE INDEX "press_kits_rels_path_idx" ON "press_kits_rels" USING btree ("path");
  CREATE INDEX "press_kits_rels_media_id_idx" ON "press_kits_rels" USING btree ("media_id");
  CREATE INDEX "press_kits_rels_documents_id_idx" ON "press_kits_rels" USING btree ("documents_id");
  CREATE INDEX "_press_kits_v_parent_idx" ON "_press_kits_v" USING btree ("parent_id");
  CREATE INDEX "_press_kits_v_version_version_slug_idx" ON "_press_kits_v" USING btree ("version_slug");
  CREATE INDEX "_press_kits_v_version_version_updated_at_idx" ON "_press_kits_v" USING btree ("version_updated_at");
  CREATE INDEX "_press_kits_v_version_version_created_at_idx" ON "_press_kits_v" USING btree ("version_created_at");
  CREATE INDEX "_press_kits_v_version_version__status_idx" ON "_press_kits_v" USING btree ("version__status");
  CREATE INDEX "_press_kits_v_created_at_idx" ON "_press_kits_v" USING btree ("created_at");
  CREATE INDEX "_press_kits_v_updated_at_idx" ON "_press_kits_v" USING btree ("updated_at");
  CREATE INDEX "_press_kits_v_snapshot_idx" ON "_press_kits_v" USING btree ("snapshot");
  CREATE INDEX "_press_kits_v_published_locale_idx" ON "_press_kits_v" USING btree ("published_locale");
  CREATE INDEX "_press_kits_v_latest_idx" ON "_press_kits_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_press_kits_v_locales_locale_parent_id_unique" ON "_press_kits_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_press_kits_v_rels_order_idx" ON "_press_kits_v_rels" USING btree ("order");
  CREATE INDEX "_press_kits_v_rels_parent_idx" ON "_press_kits_v_rels" USING btree ("parent_id");
  CREATE INDEX "_press_kits_v_rels_path_idx" ON "_press_kits_v_rels" USING btree ("path");
  CREATE INDEX "_press_kits_v_rels_media_id_idx" ON "_press_kits_v_rels" USING btree ("media_id");
  CREATE INDEX "_press_kits_v_rels_documents_id_idx" ON "_press_kits_v_rels" USING btree ("documents_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_web_sizes_web_filename_idx" ON "media" USING btree ("sizes_web_filename");
  CREATE INDEX "media_sizes_large_sizes_large_filename_idx" ON "media" USING btree ("sizes_large_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "documents_updated_at_idx" ON "documents" USING btree ("updated_at");
  CREATE INDEX "documents_created_at_idx" ON "documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "documents_filename_idx" ON "documents" USING btree ("filename");
  CREATE UNIQUE INDEX "documents_locales_locale_parent_id_unique" ON "documents_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "topics_slug_idx" ON "topics" USING btree ("slug");
  CREATE INDEX "topics_updated_at_idx" ON "topics" USING btree ("updated_at");
  CREATE INDEX "topics_created_at_idx" ON "topics" USING btree ("created_at");
  CREATE UNIQUE INDEX "topics_locales_locale_parent_id_unique" ON "topics_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "press_contacts_languages_order_idx" ON "press_contacts_languages" USING btree ("order");
  CREATE INDEX "press_contacts_languages_parent_idx" ON "press_contacts_languages" USING btree ("parent_id");
  CREATE INDEX "press_contacts_updated_at_idx" ON "press_contacts" USING btree ("updated_at");
  CREATE INDEX "press_contacts_created_at_idx" ON "press_contacts" USING btree ("created_at");
  CREATE UNIQUE INDEX "press_contacts_locales_locale_parent_id_unique" ON "press_contacts_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "reference_counters_key_idx" ON "reference_counters" USING btree ("key");
  CREATE INDEX "reference_counters_updated_at_idx" ON "reference_counters" USING btree ("updated_at");
  CREATE INDEX "reference_counters_created_at_idx" ON "reference_counters" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_statements_id_idx" ON "payload_locked_documents_rels" USING btree ("statements_id");
  CREATE INDEX "payload_locked_documents_rels_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("notices_id");
  CREATE INDEX "payload_locked_documents_rels_press_releases_id_idx" ON "payload_locked_documents_rels" USING btree ("press_releases_id");
  CREATE INDEX "payload_locked_documents_rels_press_kits_id_idx" ON "payload_locked_documents_rels" USING btree ("press_kits_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("documents_id");
  CREATE INDEX "payload_locked_documents_rels_topics_id_idx" ON "payload_locked_documents_rels" USING btree ("topics_id");
  CREATE INDEX "payload_locked_documents_rels_press_contacts_id_idx" ON "payload_locked_documents_rels" USING btree ("press_contacts_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_reference_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("reference_counters_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "site_settings_social_links_order_idx" ON "site_settings_social_links" USING btree ("_order");
  CREATE INDEX "site_settings_social_links_parent_id_idx" ON "site_settings_social_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "site_settings_locales_locale_parent_id_unique" ON "site_settings_locales" USING btree ("_locale","_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "statements_signatories" CASCADE;
  DROP TABLE "statements_signatories_locales" CASCADE;
  DROP TABLE "statements_change_notes" CASCADE;
  DROP TABLE "statements_change_notes_locales" CASCADE;
  DROP TABLE "statements" CASCADE;
  DROP TABLE "statements_locales" CASCADE;
  DROP TABLE "statements_rels" CASCADE;
  DROP TABLE "_statements_v_version_signatories" CASCADE;
  DROP TABLE "_statements_v_version_signatories_locales" CASCADE;
  DROP TABLE "_statements_v_version_change_notes" CASCADE;
  DROP TABLE "_statements_v_version_change_notes_locales" CASCADE;
  DROP TABLE "_statements_v" CASCADE;
  DROP TABLE "_statements_v_locales" CASCADE;
  DROP TABLE "_statements_v_rels" CASCADE;
  DROP TABLE "notices_addressees" CASCADE;
  DROP TABLE "notices_addressees_locales" CASCADE;
  DROP TABLE "notices_change_notes" CASCADE;
  DROP TABLE "notices_change_notes_locales" CASCADE;
  DROP TABLE "notices" CASCADE;
  DROP TABLE "notices_locales" CASCADE;
  DROP TABLE "notices_rels" CASCADE;
  DROP TABLE "_notices_v_version_addressees" CASCADE;
  DROP TABLE "_notices_v_version_addressees_locales" CASCADE;
  DROP TABLE "_notices_v_version_change_notes" CASCADE;
  DROP TABLE "_notices_v_version_change_notes_locales" CASCADE;
  DROP TABLE "_notices_v" CASCADE;
  DROP TABLE "_notices_v_locales" CASCADE;
  DROP TABLE "_notices_v_rels" CASCADE;
  DROP TABLE "press_releases_change_notes" CASCADE;
  DROP TABLE "press_releases_change_notes_locales" CASCADE;
  DROP TABLE "press_releases" CASCADE;
  DROP TABLE "press_releases_locales" CASCADE;
  DROP TABLE "press_releases_rels" CASCADE;
  DROP TABLE "_press_releases_v_version_change_notes" CASCADE;
  DROP TABLE "_press_releases_v_version_change_notes_locales" CASCADE;
  DROP TABLE "_press_releases_v" CASCADE;
  DROP TABLE "_press_releases_v_locales" CASCADE;
  DROP TABLE "_press_releases_v_rels" CASCADE;
  DROP TABLE "press_kits" CASCADE;
  DROP TABLE "press_kits_locales" CASCADE;
  DROP TABLE "press_kits_rels" CASCADE;
  DROP TABLE "_press_kits_v" CASCADE;
  DROP TABLE "_press_kits_v_locales" CASCADE;
  DROP TABLE "_press_kits_v_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "documents" CASCADE;
  DROP TABLE "documents_locales" CASCADE;
  DROP TABLE "topics" CASCADE;
  DROP TABLE "topics_locales" CASCADE;
  DROP TABLE "press_contacts_languages" CASCADE;
  DROP TABLE "press_contacts" CASCADE;
  DROP TABLE "press_contacts_locales" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "reference_counters" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "site_settings_social_links" CASCADE;
  DROP TABLE "site_settings" CASCADE;
  DROP TABLE "site_settings_locales" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_statements_change_notes_kind";
  DROP TYPE "public"."enum_statements_status";
  DROP TYPE "public"."enum_statements_translation_state";
  DROP TYPE "public"."enum__statements_v_version_change_notes_kind";
  DROP TYPE "public"."enum__statements_v_version_status";
  DROP TYPE "public"."enum__statements_v_published_locale";
  DROP TYPE "public"."enum__statements_v_version_translation_state";
  DROP TYPE "public"."enum_notices_change_notes_kind";
  DROP TYPE "public"."enum_notices_status";
  DROP TYPE "public"."enum_notices_translation_state";
  DROP TYPE "public"."enum__notices_v_version_change_notes_kind";
  DROP TYPE "public"."enum__notices_v_version_status";
  DROP TYPE "public"."enum__notices_v_published_locale";
  DROP TYPE "public"."enum__notices_v_version_translation_state";
  DROP TYPE "public"."enum_press_releases_change_notes_kind";
  DROP TYPE "public"."enum_press_releases_status";
  DROP TYPE "public"."enum_press_releases_translation_state";
  DROP TYPE "public"."enum__press_releases_v_version_change_notes_kind";
  DROP TYPE "public"."enum__press_releases_v_version_status";
  DROP TYPE "public"."enum__press_releases_v_published_locale";
  DROP TYPE "public"."enum__press_releases_v_version_translation_state";
  DROP TYPE "public"."enum_press_kits_status";
  DROP TYPE "public"."enum__press_kits_v_version_status";
  DROP TYPE "public"."enum__press_kits_v_published_locale";
  DROP TYPE "public"."enum_documents_language";
  DROP TYPE "public"."enum_press_contacts_languages";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
