import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "press_kits" ADD COLUMN "is_placeholder" boolean DEFAULT false;
  ALTER TABLE "press_kits_rels" ADD COLUMN "statements_id" integer;
  ALTER TABLE "press_kits_rels" ADD COLUMN "notices_id" integer;
  ALTER TABLE "press_kits_rels" ADD COLUMN "press_releases_id" integer;
  ALTER TABLE "press_kits_rels" ADD COLUMN "press_contacts_id" integer;
  ALTER TABLE "_press_kits_v" ADD COLUMN "version_is_placeholder" boolean DEFAULT false;
  ALTER TABLE "_press_kits_v_rels" ADD COLUMN "statements_id" integer;
  ALTER TABLE "_press_kits_v_rels" ADD COLUMN "notices_id" integer;
  ALTER TABLE "_press_kits_v_rels" ADD COLUMN "press_releases_id" integer;
  ALTER TABLE "_press_kits_v_rels" ADD COLUMN "press_contacts_id" integer;
  ALTER TABLE "media" ADD COLUMN "sizes_web_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_web_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_web_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_web_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_web_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_web_webp_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_large_webp_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_large_webp_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_large_webp_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_large_webp_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_large_webp_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_large_webp_filename" varchar;
  ALTER TABLE "press_kits_rels" ADD CONSTRAINT "press_kits_rels_statements_fk" FOREIGN KEY ("statements_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_kits_rels" ADD CONSTRAINT "press_kits_rels_notices_fk" FOREIGN KEY ("notices_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_kits_rels" ADD CONSTRAINT "press_kits_rels_press_releases_fk" FOREIGN KEY ("press_releases_id") REFERENCES "public"."press_releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "press_kits_rels" ADD CONSTRAINT "press_kits_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v_rels" ADD CONSTRAINT "_press_kits_v_rels_statements_fk" FOREIGN KEY ("statements_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v_rels" ADD CONSTRAINT "_press_kits_v_rels_notices_fk" FOREIGN KEY ("notices_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v_rels" ADD CONSTRAINT "_press_kits_v_rels_press_releases_fk" FOREIGN KEY ("press_releases_id") REFERENCES "public"."press_releases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_press_kits_v_rels" ADD CONSTRAINT "_press_kits_v_rels_press_contacts_fk" FOREIGN KEY ("press_contacts_id") REFERENCES "public"."press_contacts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "press_kits_rels_statements_id_idx" ON "press_kits_rels" USING btree ("statements_id");
  CREATE INDEX "press_kits_rels_notices_id_idx" ON "press_kits_rels" USING btree ("notices_id");
  CREATE INDEX "press_kits_rels_press_releases_id_idx" ON "press_kits_rels" USING btree ("press_releases_id");
  CREATE INDEX "press_kits_rels_press_contacts_id_idx" ON "press_kits_rels" USING btree ("press_contacts_id");
  CREATE INDEX "_press_kits_v_rels_statements_id_idx" ON "_press_kits_v_rels" USING btree ("statements_id");
  CREATE INDEX "_press_kits_v_rels_notices_id_idx" ON "_press_kits_v_rels" USING btree ("notices_id");
  CREATE INDEX "_press_kits_v_rels_press_releases_id_idx" ON "_press_kits_v_rels" USING btree ("press_releases_id");
  CREATE INDEX "_press_kits_v_rels_press_contacts_id_idx" ON "_press_kits_v_rels" USING btree ("press_contacts_id");
  CREATE INDEX "media_sizes_web_webp_sizes_web_webp_filename_idx" ON "media" USING btree ("sizes_web_webp_filename");
  CREATE INDEX "media_sizes_large_webp_sizes_large_webp_filename_idx" ON "media" USING btree ("sizes_large_webp_filename");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "press_kits_rels" DROP CONSTRAINT "press_kits_rels_statements_fk";
  
  ALTER TABLE "press_kits_rels" DROP CONSTRAINT "press_kits_rels_notices_fk";
  
  ALTER TABLE "press_kits_rels" DROP CONSTRAINT "press_kits_rels_press_releases_fk";
  
  ALTER TABLE "press_kits_rels" DROP CONSTRAINT "press_kits_rels_press_contacts_fk";
  
  ALTER TABLE "_press_kits_v_rels" DROP CONSTRAINT "_press_kits_v_rels_statements_fk";
  
  ALTER TABLE "_press_kits_v_rels" DROP CONSTRAINT "_press_kits_v_rels_notices_fk";
  
  ALTER TABLE "_press_kits_v_rels" DROP CONSTRAINT "_press_kits_v_rels_press_releases_fk";
  
  ALTER TABLE "_press_kits_v_rels" DROP CONSTRAINT "_press_kits_v_rels_press_contacts_fk";
  
  DROP INDEX "press_kits_rels_statements_id_idx";
  DROP INDEX "press_kits_rels_notices_id_idx";
  DROP INDEX "press_kits_rels_press_releases_id_idx";
  DROP INDEX "press_kits_rels_press_contacts_id_idx";
  DROP INDEX "_press_kits_v_rels_statements_id_idx";
  DROP INDEX "_press_kits_v_rels_notices_id_idx";
  DROP INDEX "_press_kits_v_rels_press_releases_id_idx";
  DROP INDEX "_press_kits_v_rels_press_contacts_id_idx";
  DROP INDEX "media_sizes_web_webp_sizes_web_webp_filename_idx";
  DROP INDEX "media_sizes_large_webp_sizes_large_webp_filename_idx";
  ALTER TABLE "press_kits" DROP COLUMN "is_placeholder";
  ALTER TABLE "press_kits_rels" DROP COLUMN "statements_id";
  ALTER TABLE "press_kits_rels" DROP COLUMN "notices_id";
  ALTER TABLE "press_kits_rels" DROP COLUMN "press_releases_id";
  ALTER TABLE "press_kits_rels" DROP COLUMN "press_contacts_id";
  ALTER TABLE "_press_kits_v" DROP COLUMN "version_is_placeholder";
  ALTER TABLE "_press_kits_v_rels" DROP COLUMN "statements_id";
  ALTER TABLE "_press_kits_v_rels" DROP COLUMN "notices_id";
  ALTER TABLE "_press_kits_v_rels" DROP COLUMN "press_releases_id";
  ALTER TABLE "_press_kits_v_rels" DROP COLUMN "press_contacts_id";
  ALTER TABLE "media" DROP COLUMN "sizes_web_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_web_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_web_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_web_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_web_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_web_webp_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_large_webp_url";
  ALTER TABLE "media" DROP COLUMN "sizes_large_webp_width";
  ALTER TABLE "media" DROP COLUMN "sizes_large_webp_height";
  ALTER TABLE "media" DROP COLUMN "sizes_large_webp_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_large_webp_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_large_webp_filename";`)
}
