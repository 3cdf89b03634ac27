import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`suggested_category_id\` integer REFERENCES categories(id);`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`suggested_unit_id\` integer REFERENCES units(id);`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`suggestions\` text;`)
  await db.run(sql`CREATE INDEX \`work_orders_suggested_category_idx\` ON \`work_orders\` (\`suggested_category_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_suggested_unit_idx\` ON \`work_orders\` (\`suggested_unit_id\`);`)
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
  	\`respondent\` text,
  	\`claimant_kind\` text DEFAULT 'person',
  	\`claimant_company_name\` text,
  	\`claimant_credit_code\` text,
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
  	\`sub_unit_id\` integer,
  	\`designated\` integer DEFAULT false,
  	\`dispatch_due_at\` text,
  	\`consult_question\` text,
  	\`consult_due_at\` text,
  	\`consult_answers\` text,
  	\`dispatched_at\` text,
  	\`sign_due_at\` text,
  	\`signed_at\` text,
  	\`due_at\` text,
  	\`deadline_status\` text,
  	\`deadline_clock\` text,
  	\`return_due_at\` text,
  	\`return_rejected\` integer DEFAULT false,
  	\`replied_at\` text,
  	\`callback_due_at\` text,
  	\`deadline_warning\` text,
  	\`resume_state\` text,
  	\`requested_extension_days\` numeric,
  	\`paused_at\` text,
  	\`paused_ms\` numeric DEFAULT 0,
  	\`extensions\` numeric DEFAULT 0,
  	\`extension_days\` numeric DEFAULT 0,
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
  	\`answer_rating\` text,
  	\`explanation\` text,
  	\`explanation_accepted\` integer DEFAULT false,
  	\`parent_id\` integer,
  	\`timeline\` text,
  	\`anonymised_at\` text,
  	\`anonymised_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`sub_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`work_orders\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_work_orders\`("id", "number", "state", "resolution", "channel", "type", "urgency", "complex", "title", "content", "category_id", "district", "address", "respondent", "claimant_kind", "claimant_company_name", "claimant_credit_code", "claimant_name_masked", "claimant_phone_masked", "claimant_id_masked", "claimant_name_enc", "claimant_phone_enc", "claimant_id_enc", "claimant_phone_hash", "claimant_anonymous", "claimant_confidential", "claimant_no_reply", "unit_id", "sub_unit_id", "designated", "dispatch_due_at", "consult_question", "consult_due_at", "consult_answers", "dispatched_at", "sign_due_at", "signed_at", "due_at", "deadline_status", "deadline_clock", "return_due_at", "return_rejected", "replied_at", "callback_due_at", "deadline_warning", "resume_state", "requested_extension_days", "paused_at", "paused_ms", "extensions", "extension_days", "reopens", "not_accepted_reason", "not_accepted_note", "no_knowledge", "answer", "reply_result", "reply_text", "reply_contacted", "last_satisfaction", "solved", "answer_rating", "explanation", "explanation_accepted", "parent_id", "timeline", "anonymised_at", "anonymised_reason", "updated_at", "created_at") SELECT "id", "number", "state", "resolution", "channel", "type", "urgency", "complex", "title", "content", "category_id", "district", "address", "respondent", "claimant_kind", "claimant_company_name", "claimant_credit_code", "claimant_name_masked", "claimant_phone_masked", "claimant_id_masked", "claimant_name_enc", "claimant_phone_enc", "claimant_id_enc", "claimant_phone_hash", "claimant_anonymous", "claimant_confidential", "claimant_no_reply", "unit_id", "sub_unit_id", "designated", "dispatch_due_at", "consult_question", "consult_due_at", "consult_answers", "dispatched_at", "sign_due_at", "signed_at", "due_at", "deadline_status", "deadline_clock", "return_due_at", "return_rejected", "replied_at", "callback_due_at", "deadline_warning", "resume_state", "requested_extension_days", "paused_at", "paused_ms", "extensions", "extension_days", "reopens", "not_accepted_reason", "not_accepted_note", "no_knowledge", "answer", "reply_result", "reply_text", "reply_contacted", "last_satisfaction", "solved", "answer_rating", "explanation", "explanation_accepted", "parent_id", "timeline", "anonymised_at", "anonymised_reason", "updated_at", "created_at" FROM \`work_orders\`;`,
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
  await db.run(sql`CREATE INDEX \`work_orders_sub_unit_idx\` ON \`work_orders\` (\`sub_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_due_at_idx\` ON \`work_orders\` (\`due_at\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_deadline_status_idx\` ON \`work_orders\` (\`deadline_status\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_parent_idx\` ON \`work_orders\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_anonymised_at_idx\` ON \`work_orders\` (\`anonymised_at\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_updated_at_idx\` ON \`work_orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`work_orders_created_at_idx\` ON \`work_orders\` (\`created_at\`);`)
  await db.run(
    sql`CREATE INDEX \`createdAt_state_resolution_dispatchedAt_idx\` ON \`work_orders\` (\`created_at\`,\`state\`,\`resolution\`,\`dispatched_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`unit_createdAt_idx\` ON \`work_orders\` (\`unit_id\`,\`created_at\`);`)
}
