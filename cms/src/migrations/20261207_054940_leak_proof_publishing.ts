import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "public_on_its_own" boolean DEFAULT false;
  ALTER TABLE "media" ADD COLUMN "public_on_its_own_set_by" varchar;
  ALTER TABLE "media" ADD COLUMN "public_on_its_own_set_at" timestamp(3) with time zone;
  ALTER TABLE "media" ADD COLUMN "keep_metadata" boolean DEFAULT false;
  ALTER TABLE "documents" ADD COLUMN "public_on_its_own" boolean DEFAULT false;
  ALTER TABLE "documents" ADD COLUMN "public_on_its_own_set_by" varchar;
  ALTER TABLE "documents" ADD COLUMN "public_on_its_own_set_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" DROP COLUMN "public_on_its_own";
  ALTER TABLE "media" DROP COLUMN "public_on_its_own_set_by";
  ALTER TABLE "media" DROP COLUMN "public_on_its_own_set_at";
  ALTER TABLE "media" DROP COLUMN "keep_metadata";
  ALTER TABLE "documents" DROP COLUMN "public_on_its_own";
  ALTER TABLE "documents" DROP COLUMN "public_on_its_own_set_by";
  ALTER TABLE "documents" DROP COLUMN "public_on_its_own_set_at";`)
}
