import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`entry_id\` integer,
  	\`entry_code\` text,
  	\`action\` text NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`comment\` text,
  	\`urgent\` integer DEFAULT false,
  	\`actor_id\` integer,
  	\`actor_name\` text,
  	\`roles\` text,
  	\`unit_id\` integer,
  	\`summary\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`entry_id\`) REFERENCES \`knowledge_entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_entry_idx\` ON \`audit_log\` (\`entry_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_entry_code_idx\` ON \`audit_log\` (\`entry_code\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_unit_idx\` ON \`audit_log\` (\`unit_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`knowledge_entries\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`knowledge_entries\` ADD \`last_edited_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`knowledge_entries\` ADD \`reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`knowledge_entries\` ADD \`next_review_at\` text;`)
  await db.run(sql`ALTER TABLE \`knowledge_entries\` ADD \`published_urgently\` integer DEFAULT false;`)
  await db.run(
    sql`CREATE INDEX \`knowledge_entries_workflow_state_idx\` ON \`knowledge_entries\` (\`workflow_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`knowledge_entries_last_edited_by_idx\` ON \`knowledge_entries\` (\`last_edited_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`knowledge_entries_next_review_at_idx\` ON \`knowledge_entries\` (\`next_review_at\`);`,
  )
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(
    sql`ALTER TABLE \`_knowledge_entries_v\` ADD \`version_last_edited_by_id\` integer REFERENCES users(id);`,
  )
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` ADD \`version_next_review_at\` text;`)
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` ADD \`version_published_urgently\` integer DEFAULT false;`)
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_workflow_state_idx\` ON \`_knowledge_entries_v\` (\`version_workflow_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_last_edited_by_idx\` ON \`_knowledge_entries_v\` (\`version_last_edited_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_next_review_at_idx\` ON \`_knowledge_entries_v\` (\`version_next_review_at\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` integer REFERENCES audit_log(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_knowledge_entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text,
  	\`type\` text,
  	\`audience\` text DEFAULT 'public',
  	\`title\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`guide_basis\` text,
  	\`guide_conditions\` text,
  	\`guide_time_limit\` text,
  	\`guide_fee\` text,
  	\`guide_phone\` text,
  	\`guide_online\` text,
  	\`location_address\` text,
  	\`location_hours\` text,
  	\`location_phone\` text,
  	\`location_district\` text,
  	\`location_transit\` text,
  	\`policy_effective_date\` text,
  	\`policy_level\` text,
  	\`policy_target\` text,
  	\`faq_question\` text,
  	\`faq_answer\` text,
  	\`notice_event_start\` text,
  	\`notice_event_end\` text,
  	\`unit_id\` integer,
  	\`category_id\` integer,
  	\`valid_from\` text,
  	\`valid_until\` text,
  	\`review_cycle_days\` numeric,
  	\`source_document_number\` text,
  	\`source_issuing_body\` text,
  	\`source_link\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_knowledge_entries\`("id", "code", "type", "audience", "title", "summary", "body", "guide_basis", "guide_conditions", "guide_time_limit", "guide_fee", "guide_phone", "guide_online", "location_address", "location_hours", "location_phone", "location_district", "location_transit", "policy_effective_date", "policy_level", "policy_target", "faq_question", "faq_answer", "notice_event_start", "notice_event_end", "unit_id", "category_id", "valid_from", "valid_until", "review_cycle_days", "source_document_number", "source_issuing_body", "source_link", "updated_at", "created_at", "_status") SELECT "id", "code", "type", "audience", "title", "summary", "body", "guide_basis", "guide_conditions", "guide_time_limit", "guide_fee", "guide_phone", "guide_online", "location_address", "location_hours", "location_phone", "location_district", "location_transit", "policy_effective_date", "policy_level", "policy_target", "faq_question", "faq_answer", "notice_event_start", "notice_event_end", "unit_id", "category_id", "valid_from", "valid_until", "review_cycle_days", "source_document_number", "source_issuing_body", "source_link", "updated_at", "created_at", "_status" FROM \`knowledge_entries\`;`,
  )
  await db.run(sql`DROP TABLE \`knowledge_entries\`;`)
  await db.run(sql`ALTER TABLE \`__new_knowledge_entries\` RENAME TO \`knowledge_entries\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`knowledge_entries_code_idx\` ON \`knowledge_entries\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`knowledge_entries_unit_idx\` ON \`knowledge_entries\` (\`unit_id\`);`)
  await db.run(sql`CREATE INDEX \`knowledge_entries_category_idx\` ON \`knowledge_entries\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`knowledge_entries_updated_at_idx\` ON \`knowledge_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`knowledge_entries_created_at_idx\` ON \`knowledge_entries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`knowledge_entries__status_idx\` ON \`knowledge_entries\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__knowledge_entries_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_code\` text,
  	\`version_type\` text,
  	\`version_audience\` text DEFAULT 'public',
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_guide_basis\` text,
  	\`version_guide_conditions\` text,
  	\`version_guide_time_limit\` text,
  	\`version_guide_fee\` text,
  	\`version_guide_phone\` text,
  	\`version_guide_online\` text,
  	\`version_location_address\` text,
  	\`version_location_hours\` text,
  	\`version_location_phone\` text,
  	\`version_location_district\` text,
  	\`version_location_transit\` text,
  	\`version_policy_effective_date\` text,
  	\`version_policy_level\` text,
  	\`version_policy_target\` text,
  	\`version_faq_question\` text,
  	\`version_faq_answer\` text,
  	\`version_notice_event_start\` text,
  	\`version_notice_event_end\` text,
  	\`version_unit_id\` integer,
  	\`version_category_id\` integer,
  	\`version_valid_from\` text,
  	\`version_valid_until\` text,
  	\`version_review_cycle_days\` numeric,
  	\`version_source_document_number\` text,
  	\`version_source_issuing_body\` text,
  	\`version_source_link\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`knowledge_entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__knowledge_entries_v\`("id", "parent_id", "version_code", "version_type", "version_audience", "version_title", "version_summary", "version_body", "version_guide_basis", "version_guide_conditions", "version_guide_time_limit", "version_guide_fee", "version_guide_phone", "version_guide_online", "version_location_address", "version_location_hours", "version_location_phone", "version_location_district", "version_location_transit", "version_policy_effective_date", "version_policy_level", "version_policy_target", "version_faq_question", "version_faq_answer", "version_notice_event_start", "version_notice_event_end", "version_unit_id", "version_category_id", "version_valid_from", "version_valid_until", "version_review_cycle_days", "version_source_document_number", "version_source_issuing_body", "version_source_link", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_code", "version_type", "version_audience", "version_title", "version_summary", "version_body", "version_guide_basis", "version_guide_conditions", "version_guide_time_limit", "version_guide_fee", "version_guide_phone", "version_guide_online", "version_location_address", "version_location_hours", "version_location_phone", "version_location_district", "version_location_transit", "version_policy_effective_date", "version_policy_level", "version_policy_target", "version_faq_question", "version_faq_answer", "version_notice_event_start", "version_notice_event_end", "version_unit_id", "version_category_id", "version_valid_from", "version_valid_until", "version_review_cycle_days", "version_source_document_number", "version_source_issuing_body", "version_source_link", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_knowledge_entries_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_knowledge_entries_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__knowledge_entries_v\` RENAME TO \`_knowledge_entries_v\`;`)
  await db.run(sql`CREATE INDEX \`_knowledge_entries_v_parent_idx\` ON \`_knowledge_entries_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_code_idx\` ON \`_knowledge_entries_v\` (\`version_code\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_unit_idx\` ON \`_knowledge_entries_v\` (\`version_unit_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_category_idx\` ON \`_knowledge_entries_v\` (\`version_category_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_updated_at_idx\` ON \`_knowledge_entries_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version_created_at_idx\` ON \`_knowledge_entries_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_version__status_idx\` ON \`_knowledge_entries_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_knowledge_entries_v_created_at_idx\` ON \`_knowledge_entries_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_knowledge_entries_v_updated_at_idx\` ON \`_knowledge_entries_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_knowledge_entries_v_latest_idx\` ON \`_knowledge_entries_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`knowledge_entries_id\` integer,
  	\`search_synonyms_id\` integer,
  	\`search_words_id\` integer,
  	\`search_pins_id\` integer,
  	\`units_id\` integer,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`api_keys_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`knowledge_entries_id\`) REFERENCES \`knowledge_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_synonyms_id\`) REFERENCES \`search_synonyms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_words_id\`) REFERENCES \`search_words\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_pins_id\`) REFERENCES \`search_pins\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "knowledge_entries_id", "search_synonyms_id", "search_words_id", "search_pins_id", "units_id", "categories_id", "media_id", "users_id", "api_keys_id") SELECT "id", "order", "parent_id", "path", "knowledge_entries_id", "search_synonyms_id", "search_words_id", "search_pins_id", "units_id", "categories_id", "media_id", "users_id", "api_keys_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
    sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`,
  )
}
