import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders_rels\` ADD \`media_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_media_id_idx\` ON \`work_orders_rels\` (\`media_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_work_orders_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`work_orders_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_orders_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_work_orders_rels\`("id", "order", "parent_id", "path", "work_orders_id") SELECT "id", "order", "parent_id", "path", "work_orders_id" FROM \`work_orders_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`work_orders_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_work_orders_rels\` RENAME TO \`work_orders_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_order_idx\` ON \`work_orders_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_parent_idx\` ON \`work_orders_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_path_idx\` ON \`work_orders_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_work_orders_id_idx\` ON \`work_orders_rels\` (\`work_orders_id\`);`)
}
