import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`search_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`audience\` text NOT NULL,
  	\`query\` text NOT NULL,
  	\`category\` text,
  	\`searches\` numeric DEFAULT 0,
  	\`no_hit\` numeric DEFAULT 0,
  	\`no_confident\` numeric DEFAULT 0,
  	\`used\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`search_log_day_idx\` ON \`search_log\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`search_log_updated_at_idx\` ON \`search_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_log_created_at_idx\` ON \`search_log\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`day_audience_query_idx\` ON \`search_log\` (\`day\`,\`audience\`,\`query\`);`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`search_log_id\` integer REFERENCES search_log(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_search_log_id_idx\` ON \`payload_locked_documents_rels\` (\`search_log_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`state_dueAt_idx\` ON \`work_orders\` (\`state\`,\`due_at\`);`)
  await db.run(sql`CREATE INDEX \`category_createdAt_idx\` ON \`work_orders\` (\`category_id\`,\`created_at\`);`)
  // Loading entries reads their hasMany texts by parent; Payload's own index starts with `order`.
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`knowledge_entries_texts_parent_idx\` ON \`knowledge_entries_texts\` (\`parent_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`search_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`work_orders_id\` integer,
  	\`knowledge_entries_id\` integer,
  	\`knowledge_gaps_id\` integer,
  	\`entry_feedback_id\` integer,
  	\`question_candidates_id\` integer,
  	\`audit_log_id\` integer,
  	\`supervision_items_id\` integer,
  	\`error_reports_id\` integer,
  	\`notifications_id\` integer,
  	\`search_synonyms_id\` integer,
  	\`search_words_id\` integer,
  	\`search_pins_id\` integer,
  	\`search_changes_id\` integer,
  	\`instance_leases_id\` integer,
  	\`rate_limit_hits_id\` integer,
  	\`units_id\` integer,
  	\`categories_id\` integer,
  	\`work_calendar_id\` integer,
  	\`sla_rules_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`api_keys_id\` integer,
  	\`personal_data_log_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_orders_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`knowledge_entries_id\`) REFERENCES \`knowledge_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`knowledge_gaps_id\`) REFERENCES \`knowledge_gaps\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`entry_feedback_id\`) REFERENCES \`entry_feedback\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`question_candidates_id\`) REFERENCES \`question_candidates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`supervision_items_id\`) REFERENCES \`supervision_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`error_reports_id\`) REFERENCES \`error_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_synonyms_id\`) REFERENCES \`search_synonyms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_words_id\`) REFERENCES \`search_words\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_pins_id\`) REFERENCES \`search_pins\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_changes_id\`) REFERENCES \`search_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`instance_leases_id\`) REFERENCES \`instance_leases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rate_limit_hits_id\`) REFERENCES \`rate_limit_hits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`work_calendar_id\`) REFERENCES \`work_calendar\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sla_rules_id\`) REFERENCES \`sla_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`personal_data_log_id\`) REFERENCES \`personal_data_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "work_orders_id", "knowledge_entries_id", "knowledge_gaps_id", "entry_feedback_id", "question_candidates_id", "audit_log_id", "supervision_items_id", "error_reports_id", "notifications_id", "search_synonyms_id", "search_words_id", "search_pins_id", "search_changes_id", "instance_leases_id", "rate_limit_hits_id", "units_id", "categories_id", "work_calendar_id", "sla_rules_id", "media_id", "users_id", "api_keys_id", "personal_data_log_id") SELECT "id", "order", "parent_id", "path", "work_orders_id", "knowledge_entries_id", "knowledge_gaps_id", "entry_feedback_id", "question_candidates_id", "audit_log_id", "supervision_items_id", "error_reports_id", "notifications_id", "search_synonyms_id", "search_words_id", "search_pins_id", "search_changes_id", "instance_leases_id", "rate_limit_hits_id", "units_id", "categories_id", "work_calendar_id", "sla_rules_id", "media_id", "users_id", "api_keys_id", "personal_data_log_id" FROM \`payload_locked_documents_rels\`;`,
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
    sql`CREATE INDEX \`payload_locked_documents_rels_work_orders_id_idx\` ON \`payload_locked_documents_rels\` (\`work_orders_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_knowledge_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`knowledge_entries_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_knowledge_gaps_id_idx\` ON \`payload_locked_documents_rels\` (\`knowledge_gaps_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_entry_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`entry_feedback_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_question_candidates_id_idx\` ON \`payload_locked_documents_rels\` (\`question_candidates_id\`);`,
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
    sql`CREATE INDEX \`payload_locked_documents_rels_search_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`search_changes_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_instance_leases_id_idx\` ON \`payload_locked_documents_rels\` (\`instance_leases_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_rate_limit_hits_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limit_hits_id\`);`,
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
    sql`CREATE INDEX \`payload_locked_documents_rels_sla_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`sla_rules_id\`);`,
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
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_personal_data_log_id_idx\` ON \`payload_locked_documents_rels\` (\`personal_data_log_id\`);`,
  )
  await db.run(sql`DROP INDEX \`state_dueAt_idx\`;`)
  await db.run(sql`DROP INDEX \`category_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`knowledge_entries_texts_parent_idx\`;`)
}
