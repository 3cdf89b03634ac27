import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`work_orders_cited_entries\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`version\` text,
  	\`title\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`work_orders_cited_entries_order_idx\` ON \`work_orders_cited_entries\` (\`_order\`);`)
  await db.run(
    sql`CREATE INDEX \`work_orders_cited_entries_parent_id_idx\` ON \`work_orders_cited_entries\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`work_orders\` (
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
  	\`return_due_at\` text,
  	\`callback_due_at\` text,
  	\`deadline_warning\` text,
  	\`resume_state\` text,
  	\`requested_extension_days\` numeric,
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
  await db.run(sql`CREATE INDEX \`work_orders_parent_idx\` ON \`work_orders\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_updated_at_idx\` ON \`work_orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_created_at_idx\` ON \`work_orders\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`work_orders_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`work_orders_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_orders_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`work_orders_rels_order_idx\` ON \`work_orders_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_parent_idx\` ON \`work_orders_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_path_idx\` ON \`work_orders_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_rels_work_orders_id_idx\` ON \`work_orders_rels\` (\`work_orders_id\`);`)
  await db.run(sql`CREATE TABLE \`sla_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`order_type\` text,
  	\`urgency\` text,
  	\`complex\` integer DEFAULT false,
  	\`working_days\` numeric,
  	\`hours\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`sla_rules_updated_at_idx\` ON \`sla_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sla_rules_created_at_idx\` ON \`sla_rules\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`personal_data_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order_id\` integer,
  	\`order_number\` text,
  	\`actor_id\` integer,
  	\`actor_name\` text,
  	\`roles\` text,
  	\`fields\` text,
  	\`reason\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`personal_data_log_order_idx\` ON \`personal_data_log\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`personal_data_log_order_number_idx\` ON \`personal_data_log\` (\`order_number\`);`)
  await db.run(sql`CREATE INDEX \`personal_data_log_actor_idx\` ON \`personal_data_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`personal_data_log_updated_at_idx\` ON \`personal_data_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`personal_data_log_created_at_idx\` ON \`personal_data_log\` (\`created_at\`);`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`work_orders_id\` integer REFERENCES work_orders(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`sla_rules_id\` integer REFERENCES sla_rules(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`personal_data_log_id\` integer REFERENCES personal_data_log(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_work_orders_id_idx\` ON \`payload_locked_documents_rels\` (\`work_orders_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_sla_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`sla_rules_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_personal_data_log_id_idx\` ON \`payload_locked_documents_rels\` (\`personal_data_log_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`work_orders_cited_entries\`;`)
  await db.run(sql`DROP TABLE \`work_orders\`;`)
  await db.run(sql`DROP TABLE \`work_orders_rels\`;`)
  await db.run(sql`DROP TABLE \`sla_rules\`;`)
  await db.run(sql`DROP TABLE \`personal_data_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`knowledge_entries_id\` integer,
  	\`audit_log_id\` integer,
  	\`supervision_items_id\` integer,
  	\`error_reports_id\` integer,
  	\`notifications_id\` integer,
  	\`search_synonyms_id\` integer,
  	\`search_words_id\` integer,
  	\`search_pins_id\` integer,
  	\`units_id\` integer,
  	\`categories_id\` integer,
  	\`work_calendar_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`api_keys_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`knowledge_entries_id\`) REFERENCES \`knowledge_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`supervision_items_id\`) REFERENCES \`supervision_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`error_reports_id\`) REFERENCES \`error_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_synonyms_id\`) REFERENCES \`search_synonyms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_words_id\`) REFERENCES \`search_words\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_pins_id\`) REFERENCES \`search_pins\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_calendar_id\`) REFERENCES \`work_calendar\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "knowledge_entries_id", "audit_log_id", "supervision_items_id", "error_reports_id", "notifications_id", "search_synonyms_id", "search_words_id", "search_pins_id", "units_id", "categories_id", "work_calendar_id", "media_id", "users_id", "api_keys_id") SELECT "id", "order", "parent_id", "path", "knowledge_entries_id", "audit_log_id", "supervision_items_id", "error_reports_id", "notifications_id", "search_synonyms_id", "search_words_id", "search_pins_id", "units_id", "categories_id", "work_calendar_id", "media_id", "users_id", "api_keys_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_knowledge_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`knowledge_entries_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_supervision_items_id_idx\` ON \`payload_locked_documents_rels\` (\`supervision_items_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_error_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`error_reports_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_search_synonyms_id_idx\` ON \`payload_locked_documents_rels\` (\`search_synonyms_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_search_words_id_idx\` ON \`payload_locked_documents_rels\` (\`search_words_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_search_pins_id_idx\` ON \`payload_locked_documents_rels\` (\`search_pins_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_work_calendar_id_idx\` ON \`payload_locked_documents_rels\` (\`work_calendar_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`,
  )
}
