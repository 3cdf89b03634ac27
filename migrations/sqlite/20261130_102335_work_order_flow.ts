import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`respondent\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`claimant_kind\` text DEFAULT 'person';`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`claimant_company_name\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`claimant_credit_code\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`sub_unit_id\` integer REFERENCES units(id);`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`dispatch_due_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`consult_question\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`consult_due_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`consult_answers\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`dispatched_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`sign_due_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`signed_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`deadline_clock\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`replied_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`extension_days\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`answer_rating\` text;`)
  await db.run(sql`CREATE INDEX \`work_orders_sub_unit_idx\` ON \`work_orders\` (\`sub_unit_id\`);`)
  await db.run(sql`ALTER TABLE \`work_orders_rels\` ADD \`units_id\` integer REFERENCES units(id);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_units_id_idx\` ON \`work_orders_rels\` (\`units_id\`);`)
  await db.run(sql`ALTER TABLE \`supervision_items\` ADD \`rectification\` text;`)
  await db.run(sql`ALTER TABLE \`supervision_items\` ADD \`rectified_at\` text;`)
  await db.run(sql`ALTER TABLE \`supervision_items\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`sla_rules\` ADD \`working_hours\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_work_orders\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`state\` text DEFAULT 'intake',
  	\`resolution\` text,
  	\`channel\` text DEFAULT 'phone',
  	\`type\` text NOT NULL,
  	\`urgency\` text DEFAULT 'normal',
  	\`complex\` integer DEFAULT false,
  	\`title\` text NOT NULL,
  	\`content\` text NOT NULL,
  	\`category_id\` integer,
  	\`district\` text,
  	\`address\` text,
  	\`claimant_name_masked\` text,
  	\`claimant_phone_masked\` text,
  	\`claimant_id_masked\` text,
  	\`claimant_name_enc\` text,
  	\`claimant_phone_enc\` text,
  	\`claimant_id_enc\` text,
  	\`claimant_phone_hash\` text,
  	\`claimant_anonymous\` integer DEFAULT false,
  	\`claimant_confidential\` integer DEFAULT false,
  	\`claimant_no_reply\` integer DEFAULT false,
  	\`unit_id\` integer,
  	\`designated\` integer DEFAULT false,
  	\`due_at\` text,
  	\`deadline_status\` text,
  	\`return_due_at\` text,
  	\`return_rejected\` integer DEFAULT false,
  	\`callback_due_at\` text,
  	\`deadline_warning\` text,
  	\`resume_state\` text,
  	\`requested_extension_days\` numeric,
  	\`paused_at\` text,
  	\`paused_ms\` numeric DEFAULT 0,
  	\`extensions\` numeric DEFAULT 0,
  	\`reopens\` numeric DEFAULT 0,
  	\`not_accepted_reason\` text,
  	\`not_accepted_note\` text,
  	\`no_knowledge\` integer DEFAULT false,
  	\`answer\` text,
  	\`reply_result\` text,
  	\`reply_text\` text,
  	\`reply_contacted\` integer,
  	\`last_satisfaction\` text,
  	\`solved\` integer,
  	\`explanation\` text,
  	\`explanation_accepted\` integer DEFAULT false,
  	\`parent_id\` integer,
  	\`timeline\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_work_orders\`("id", "number", "state", "resolution", "channel", "type", "urgency", "complex", "title", "content", "category_id", "district", "address", "claimant_name_masked", "claimant_phone_masked", "claimant_id_masked", "claimant_name_enc", "claimant_phone_enc", "claimant_id_enc", "claimant_phone_hash", "claimant_anonymous", "claimant_confidential", "claimant_no_reply", "unit_id", "designated", "due_at", "deadline_status", "return_due_at", "return_rejected", "callback_due_at", "deadline_warning", "resume_state", "requested_extension_days", "paused_at", "paused_ms", "extensions", "reopens", "not_accepted_reason", "not_accepted_note", "no_knowledge", "answer", "reply_result", "reply_text", "reply_contacted", "last_satisfaction", "solved", "explanation", "explanation_accepted", "parent_id", "timeline", "updated_at", "created_at") SELECT "id", "number", "state", "resolution", "channel", "type", "urgency", "complex", "title", "content", "category_id", "district", "address", "claimant_name_masked", "claimant_phone_masked", "claimant_id_masked", "claimant_name_enc", "claimant_phone_enc", "claimant_id_enc", "claimant_phone_hash", "claimant_anonymous", "claimant_confidential", "claimant_no_reply", "unit_id", "designated", "due_at", "deadline_status", "return_due_at", "return_rejected", "callback_due_at", "deadline_warning", "resume_state", "requested_extension_days", "paused_at", "paused_ms", "extensions", "reopens", "not_accepted_reason", "not_accepted_note", "no_knowledge", "answer", "reply_result", "reply_text", "reply_contacted", "last_satisfaction", "solved", "explanation", "explanation_accepted", "parent_id", "timeline", "updated_at", "created_at" FROM \`work_orders\`;`,
  )
  await db.run(sql`DROP TABLE \`work_orders\`;`)
  await db.run(sql`ALTER TABLE \`__new_work_orders\` RENAME TO \`work_orders\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`work_orders_number_idx\` ON \`work_orders\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_state_idx\` ON \`work_orders\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_type_idx\` ON \`work_orders\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_category_idx\` ON \`work_orders\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_district_idx\` ON \`work_orders\` (\`district\`);`)
  await db.run(
    sql`CREATE INDEX \`work_orders_claimant_claimant_phone_hash_idx\` ON \`work_orders\` (\`claimant_phone_hash\`);`,
  )
  await db.run(sql`CREATE INDEX \`work_orders_unit_idx\` ON \`work_orders\` (\`unit_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_due_at_idx\` ON \`work_orders\` (\`due_at\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_deadline_status_idx\` ON \`work_orders\` (\`deadline_status\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_parent_idx\` ON \`work_orders\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_updated_at_idx\` ON \`work_orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_created_at_idx\` ON \`work_orders\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_work_orders_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	\`work_orders_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_orders_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_work_orders_rels\`("id", "order", "parent_id", "path", "media_id", "work_orders_id") SELECT "id", "order", "parent_id", "path", "media_id", "work_orders_id" FROM \`work_orders_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`work_orders_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_work_orders_rels\` RENAME TO \`work_orders_rels\`;`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_order_idx\` ON \`work_orders_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_parent_idx\` ON \`work_orders_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_path_idx\` ON \`work_orders_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_media_id_idx\` ON \`work_orders_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_work_orders_id_idx\` ON \`work_orders_rels\` (\`work_orders_id\`);`)
  await db.run(sql`ALTER TABLE \`supervision_items\` DROP COLUMN \`rectification\`;`)
  await db.run(sql`ALTER TABLE \`supervision_items\` DROP COLUMN \`rectified_at\`;`)
  await db.run(sql`ALTER TABLE \`supervision_items\` DROP COLUMN \`review_note\`;`)
  await db.run(sql`ALTER TABLE \`sla_rules\` DROP COLUMN \`working_hours\`;`)
}
