-- columns
api_keys.id text not null
api_keys.workspace_id text not null
api_keys.name text not null
api_keys.key_hash text not null
api_keys.key_hint text not null
api_keys.scopes text not null
api_keys.created_at text not null
api_keys.last_used_at text
api_keys.revoked_at text
audit_events.id text not null
audit_events.workspace_id text not null
audit_events.at text not null
audit_events.actor_type text not null
audit_events.actor_id text
audit_events.actor_name text not null
audit_events.action text not null
audit_events.target_type text not null
audit_events.target_id text not null
audit_events.changes text not null
audit_events.request_id text
audit_events.ip text
auto_reply_cooldowns.rule_id text not null
auto_reply_cooldowns.phone text not null
auto_reply_cooldowns.workspace_id text not null
auto_reply_cooldowns.last_reply_at text not null
auto_reply_rules.id text not null
auto_reply_rules.workspace_id text not null
auto_reply_rules.device_id text
auto_reply_rules.name text not null
auto_reply_rules.priority integer not null
auto_reply_rules.match_type text not null
auto_reply_rules.match_pattern text
auto_reply_rules.reply text not null
auto_reply_rules.cooldown_minutes integer not null default 0
auto_reply_rules.business_hours text
auto_reply_rules.welcome integer not null default 0
auto_reply_rules.enabled integer not null default 1
auto_reply_rules.preset text
auto_reply_rules.created_at text not null
auto_reply_rules.updated_at text not null
contacts.workspace_id text not null
contacts.phone text not null
contacts.jid text
contacts.on_whatsapp integer
contacts.checked_at text
contacts.last_device_id text
contacts.display_name text
contacts.first_inbound_at text
contacts.last_inbound_at text
contacts.opted_out_at text
contacts.notes text
contacts.created_at text not null
contacts.updated_at text not null
conversation_counts.workspace_id text not null
conversation_counts.device_id text not null
conversation_counts.assignee_id text
conversation_counts.status text not null
conversation_counts.otp_only integer not null
conversation_counts.unread integer not null
conversation_counts.n integer not null
conversation_notes.id text not null
conversation_notes.workspace_id text not null
conversation_notes.conversation_id text not null
conversation_notes.author_id text not null
conversation_notes.author_name text
conversation_notes.body text
conversation_notes.created_at text not null
conversation_tag_counts.workspace_id text not null
conversation_tag_counts.tag text not null
conversation_tag_counts.device_id text not null
conversation_tag_counts.assignee_id text
conversation_tag_counts.status text not null
conversation_tag_counts.otp_only integer not null
conversation_tag_counts.unread integer not null
conversation_tag_counts.n integer not null
conversation_tags.conversation_id text not null
conversation_tags.workspace_id text not null
conversation_tags.tag text not null
conversation_tags.device_id text
conversation_tags.assignee_id text
conversation_tags.status text
conversation_tags.otp_only integer
conversation_tags.unread integer
conversation_tags.last_message_at text
conversations.id text not null
conversations.workspace_id text not null
conversations.device_id text not null
conversations.phone text not null
conversations.contact_name text
conversations.status text not null
conversations.assignee_id text
conversations.unread_count integer not null default 0
conversations.otp_only integer not null default 0
conversations.last_message_id text
conversations.last_message_at text not null
conversations.last_direction text
conversations.last_preview text
conversations.last_inbound_at text
conversations.created_at text not null
conversations.updated_at text not null
device_alerts.device_id text not null
device_alerts.workspace_id text not null
device_alerts.device_name text
device_alerts.device_phone text
device_alerts.reason text not null
device_alerts.down_since text not null
device_alerts.alert_due_at text not null
device_alerts.alerted_at text
device_alerts.updated_at text not null
device_leases.device_id text not null
device_leases.node_id text not null
device_leases.expires_at text not null
device_leases.generation integer not null default 0
devices.id text not null
devices.workspace_id text not null
devices.name text not null
devices.engine text not null
devices.status text not null
devices.status_reason text
devices.status_changed_at text not null
devices.phone text
devices.display_name text
devices.jid text
devices.pacing text not null
devices.created_at text not null
devices.updated_at text not null
devices.last_seen_at text
engine_shared_state.key text not null
engine_shared_state.value text not null
engine_shared_state.updated_at text not null
engine_state.device_id text not null
engine_state.category text not null
engine_state.key_id text not null
engine_state.value text not null
engine_state.updated_at text not null
events.id text not null
events.workspace_id text not null
events.type text not null
events.device_id text
events.data text not null
events.created_at text not null
idempotency_keys.workspace_id text not null
idempotency_keys.key text not null
idempotency_keys.method text not null
idempotency_keys.path text not null
idempotency_keys.request_hash text not null
idempotency_keys.state text not null
idempotency_keys.response_status integer
idempotency_keys.response_body text
idempotency_keys.created_at text not null
idempotency_keys.expires_at text not null
idempotency_keys.claim_token text
idempotency_keys.resource_id text
idempotency_keys.principal text not null default ''::text
login_throttle.throttle_key text not null
login_throttle.window_started_at text not null
login_throttle.attempts integer not null
media.id text not null
media.workspace_id text not null
media.kind text not null
media.mime text not null
media.size bigint not null default 0
media.sha256 text
media.filename text
media.storage_key text not null
media.status text not null
media.source text not null
media.created_at text not null
media_chunks.storage_key text not null
media_chunks.seq integer not null
media_chunks.data bytea not null
media_chunks.created_at text not null
memberships.workspace_id text not null
memberships.user_id text not null
memberships.role text not null
memberships.created_at text not null
message_status_history.message_id text not null
message_status_history.status text not null
message_status_history.at text not null
message_status_history.error_code text
messages.id text not null
messages.workspace_id text not null
messages.device_id text
messages.direction text not null
messages.phone text not null
messages.type text not null
messages.body text
messages.sealed_body text
messages.template_id text
messages.status text not null
messages.error_code text
messages.error_message text
messages.priority integer not null
messages.source text not null
messages.source_id text
messages.metadata text
messages.wa_message_id text
messages.queue_if_disconnected integer not null default 0
messages.attempts integer not null default 0
messages.expires_at text
messages.created_at text not null
messages.updated_at text not null
messages.masked integer not null default 0
messages.media text
recovery_codes.id text not null
recovery_codes.user_id text not null
recovery_codes.code_hash text not null
recovery_codes.used_at text
recovery_codes.created_at text not null
sessions.id text not null
sessions.user_id text not null
sessions.workspace_id text not null
sessions.token_hash text not null
sessions.csrf_token text not null
sessions.expires_at text not null
sessions.created_at text not null
sessions.last_seen_at text not null
sign_in_challenges.id text not null
sign_in_challenges.user_id text not null
sign_in_challenges.workspace_id text not null
sign_in_challenges.token_hash text not null
sign_in_challenges.purpose text not null
sign_in_challenges.expires_at text not null
sign_in_challenges.created_at text not null
templates.id text not null
templates.workspace_id text not null
templates.name text not null
templates.body text not null
templates.variables text not null
templates.created_at text not null
templates.updated_at text not null
usage_counters.workspace_id text not null
usage_counters.period text not null
usage_counters.messages_sent integer not null default 0
usage_counters.verifications integer not null default 0
users.id text not null
users.email text not null
users.name text
users.password_hash text not null
users.created_at text not null
users.updated_at text not null
users.totp_secret text
users.totp_pending_secret text
users.totp_enabled_at text
users.totp_last_step integer
users.settings text not null default '{}'::text
verification_limit_counts.workspace_id text not null
verification_limit_counts.kind text not null
verification_limit_counts.subject text not null
verification_limit_counts.second text not null
verification_limit_counts.count integer not null
verifications.id text not null
verifications.workspace_id text not null
verifications.phone text not null
verifications.email text
verifications.status text not null
verifications.channels text not null
verifications.route text not null
verifications.route_index integer not null
verifications.attempt_state text not null
verifications.attempt_message_id text
verifications.attempt_deadline text
verifications.send_attempts text not null
verifications.device_id text
verifications.template_id text
verifications.locale text not null
verifications.code_length integer not null
verifications.channel_timeout_seconds integer not null
verifications.code_hash text not null
verifications.sealed_code text
verifications.check_attempts integer not null default 0
verifications.version integer not null default 0
verifications.failure_reason text
verifications.expires_at text not null
verifications.approved_at text
verifications.created_at text not null
verifications.updated_at text not null
waping_migrations.name text not null
waping_migrations.applied_at text not null
webhook_attempts.delivery_id text not null
webhook_attempts.number integer not null
webhook_attempts.started_at text not null
webhook_attempts.duration_ms integer not null
webhook_attempts.status_code integer
webhook_attempts.response_snippet text
webhook_attempts.error text
webhook_deliveries.id text not null
webhook_deliveries.workspace_id text not null
webhook_deliveries.endpoint_id text not null
webhook_deliveries.event_id text not null
webhook_deliveries.event_type text not null
webhook_deliveries.sequence_key text not null
webhook_deliveries.status text not null
webhook_deliveries.attempts integer not null default 0
webhook_deliveries.schedule_step integer not null default 0
webhook_deliveries.next_attempt_at text
webhook_deliveries.locked_until text
webhook_deliveries.lock_token text
webhook_deliveries.last_status_code integer
webhook_deliveries.response_snippet text
webhook_deliveries.last_error text
webhook_deliveries.last_attempt_at text
webhook_deliveries.created_at text not null
webhook_deliveries.updated_at text not null
webhook_endpoints.id text not null
webhook_endpoints.workspace_id text not null
webhook_endpoints.url text not null
webhook_endpoints.description text
webhook_endpoints.events text not null
webhook_endpoints.enabled integer not null
webhook_endpoints.disabled_reason text
webhook_endpoints.secret text not null
webhook_endpoints.previous_secret text
webhook_endpoints.previous_secret_expires_at text
webhook_endpoints.failing_since text
webhook_endpoints.created_at text not null
webhook_endpoints.updated_at text not null
workspaces.id text not null
workspaces.name text not null
workspaces.plan text not null
workspaces.settings text not null default '{}'::text
workspaces.created_at text not null
workspaces.updated_at text not null

-- constraints
api_keys api_keys_key_hash_key: UNIQUE (key_hash)
api_keys api_keys_pkey: PRIMARY KEY (id)
api_keys api_keys_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
audit_events audit_events_pkey: PRIMARY KEY (id)
audit_events audit_events_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
auto_reply_cooldowns auto_reply_cooldowns_pk: PRIMARY KEY (rule_id, phone)
auto_reply_cooldowns auto_reply_cooldowns_rule_id_fkey: FOREIGN KEY (rule_id) REFERENCES auto_reply_rules(id) ON DELETE CASCADE
auto_reply_cooldowns auto_reply_cooldowns_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
auto_reply_rules auto_reply_rules_device_id_fkey: FOREIGN KEY (device_id) REFERENCES devices(id) ON DELETE CASCADE
auto_reply_rules auto_reply_rules_pkey: PRIMARY KEY (id)
auto_reply_rules auto_reply_rules_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
contacts contacts_pk: PRIMARY KEY (workspace_id, phone)
contacts contacts_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
conversation_notes conversation_notes_conversation_id_fkey: FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE
conversation_notes conversation_notes_pkey: PRIMARY KEY (id)
conversation_notes conversation_notes_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
conversation_tags conversation_tags_conversation_id_fkey: FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE
conversation_tags conversation_tags_pk: PRIMARY KEY (conversation_id, tag)
conversation_tags conversation_tags_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
conversations conversations_assignee_id_fkey: FOREIGN KEY (assignee_id) REFERENCES users(id) ON DELETE SET NULL
conversations conversations_device_id_fkey: FOREIGN KEY (device_id) REFERENCES devices(id) ON DELETE CASCADE
conversations conversations_pkey: PRIMARY KEY (id)
conversations conversations_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
device_alerts device_alerts_pkey: PRIMARY KEY (device_id)
device_alerts device_alerts_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
device_leases device_leases_device_id_fkey: FOREIGN KEY (device_id) REFERENCES devices(id) ON DELETE CASCADE
device_leases device_leases_pkey: PRIMARY KEY (device_id)
devices devices_pkey: PRIMARY KEY (id)
devices devices_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
engine_shared_state engine_shared_state_pkey: PRIMARY KEY (key)
engine_state engine_state_device_id_fkey: FOREIGN KEY (device_id) REFERENCES devices(id) ON DELETE CASCADE
engine_state engine_state_pk: PRIMARY KEY (device_id, category, key_id)
events events_pkey: PRIMARY KEY (id)
events events_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
idempotency_keys idempotency_keys_pk: PRIMARY KEY (workspace_id, key)
idempotency_keys idempotency_keys_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
login_throttle login_throttle_pkey: PRIMARY KEY (throttle_key)
media media_pkey: PRIMARY KEY (id)
media media_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
media_chunks media_chunks_pk: PRIMARY KEY (storage_key, seq)
memberships memberships_pk: PRIMARY KEY (workspace_id, user_id)
memberships memberships_user_id_fkey: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
memberships memberships_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
message_status_history message_status_history_message_id_fkey: FOREIGN KEY (message_id) REFERENCES messages(id) ON DELETE CASCADE
messages messages_device_id_fkey: FOREIGN KEY (device_id) REFERENCES devices(id) ON DELETE SET NULL
messages messages_pkey: PRIMARY KEY (id)
messages messages_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
recovery_codes recovery_codes_pkey: PRIMARY KEY (id)
recovery_codes recovery_codes_user_id_fkey: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
sessions sessions_pkey: PRIMARY KEY (id)
sessions sessions_token_hash_key: UNIQUE (token_hash)
sessions sessions_user_id_fkey: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
sessions sessions_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
sign_in_challenges sign_in_challenges_pkey: PRIMARY KEY (id)
sign_in_challenges sign_in_challenges_token_hash_key: UNIQUE (token_hash)
sign_in_challenges sign_in_challenges_user_id_fkey: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
sign_in_challenges sign_in_challenges_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
templates templates_name_unique: UNIQUE (workspace_id, name)
templates templates_pkey: PRIMARY KEY (id)
templates templates_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
usage_counters usage_counters_pk: PRIMARY KEY (workspace_id, period)
usage_counters usage_counters_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
users users_email_key: UNIQUE (email)
users users_pkey: PRIMARY KEY (id)
verification_limit_counts verification_limit_counts_pk: PRIMARY KEY (workspace_id, kind, subject, second)
verification_limit_counts verification_limit_counts_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
verifications verifications_pkey: PRIMARY KEY (id)
verifications verifications_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
waping_migrations waping_migrations_pkey: PRIMARY KEY (name)
webhook_attempts webhook_attempts_delivery_id_fkey: FOREIGN KEY (delivery_id) REFERENCES webhook_deliveries(id) ON DELETE CASCADE
webhook_attempts webhook_attempts_pk: PRIMARY KEY (delivery_id, number)
webhook_deliveries webhook_deliveries_endpoint_id_fkey: FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints(id) ON DELETE CASCADE
webhook_deliveries webhook_deliveries_event_id_fkey: FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE
webhook_deliveries webhook_deliveries_pkey: PRIMARY KEY (id)
webhook_deliveries webhook_deliveries_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
webhook_endpoints webhook_endpoints_pkey: PRIMARY KEY (id)
webhook_endpoints webhook_endpoints_workspace_id_fkey: FOREIGN KEY (workspace_id) REFERENCES workspaces(id) ON DELETE CASCADE
workspaces workspaces_name_key: UNIQUE (name)
workspaces workspaces_pkey: PRIMARY KEY (id)

-- indexes
CREATE UNIQUE INDEX api_keys_key_hash_key ON public.api_keys USING btree (key_hash)
CREATE UNIQUE INDEX api_keys_pkey ON public.api_keys USING btree (id)
CREATE INDEX api_keys_workspace ON public.api_keys USING btree (workspace_id, id)
CREATE INDEX audit_events_list ON public.audit_events USING btree (workspace_id, id)
CREATE UNIQUE INDEX audit_events_pkey ON public.audit_events USING btree (id)
CREATE INDEX audit_events_target ON public.audit_events USING btree (workspace_id, target_id, id)
CREATE INDEX auto_reply_cooldowns_contact ON public.auto_reply_cooldowns USING btree (workspace_id, phone)
CREATE UNIQUE INDEX auto_reply_cooldowns_pk ON public.auto_reply_cooldowns USING btree (rule_id, phone)
CREATE INDEX auto_reply_rules_order ON public.auto_reply_rules USING btree (workspace_id, priority, id)
CREATE UNIQUE INDEX auto_reply_rules_pkey ON public.auto_reply_rules USING btree (id)
CREATE UNIQUE INDEX contacts_pk ON public.contacts USING btree (workspace_id, phone)
CREATE INDEX conversation_counts_workspace ON public.conversation_counts USING btree (workspace_id, status)
CREATE UNIQUE INDEX conversation_notes_pkey ON public.conversation_notes USING btree (id)
CREATE INDEX conversation_notes_retention ON public.conversation_notes USING btree (workspace_id, created_at)
CREATE INDEX conversation_notes_thread ON public.conversation_notes USING btree (conversation_id, id)
CREATE INDEX conversation_tag_counts_tag ON public.conversation_tag_counts USING btree (workspace_id, tag, status)
CREATE INDEX conversation_tags_page ON public.conversation_tags USING btree (workspace_id, tag, last_message_at, conversation_id)
CREATE UNIQUE INDEX conversation_tags_pk ON public.conversation_tags USING btree (conversation_id, tag)
CREATE INDEX conversations_all ON public.conversations USING btree (workspace_id, last_message_at, id)
CREATE INDEX conversations_assignee ON public.conversations USING btree (workspace_id, otp_only, assignee_id, last_message_at, id)
CREATE INDEX conversations_device ON public.conversations USING btree (workspace_id, device_id, otp_only, last_message_at, id)
CREATE INDEX conversations_list ON public.conversations USING btree (workspace_id, otp_only, last_message_at, id)
CREATE INDEX conversations_phone ON public.conversations USING btree (workspace_id, phone)
CREATE UNIQUE INDEX conversations_pkey ON public.conversations USING btree (id)
CREATE INDEX conversations_status ON public.conversations USING btree (workspace_id, otp_only, status, last_message_at, id)
CREATE UNIQUE INDEX conversations_thread ON public.conversations USING btree (workspace_id, device_id, phone)
CREATE INDEX conversations_unread ON public.conversations USING btree (workspace_id, otp_only, last_message_at, id) WHERE (unread_count > 0)
CREATE INDEX device_alerts_due ON public.device_alerts USING btree (alerted_at, alert_due_at)
CREATE UNIQUE INDEX device_alerts_pkey ON public.device_alerts USING btree (device_id)
CREATE UNIQUE INDEX device_leases_pkey ON public.device_leases USING btree (device_id)
CREATE UNIQUE INDEX devices_pkey ON public.devices USING btree (id)
CREATE INDEX devices_workspace ON public.devices USING btree (workspace_id, id)
CREATE UNIQUE INDEX engine_shared_state_pkey ON public.engine_shared_state USING btree (key)
CREATE UNIQUE INDEX engine_state_pk ON public.engine_state USING btree (device_id, category, key_id)
CREATE UNIQUE INDEX events_pkey ON public.events USING btree (id)
CREATE INDEX events_workspace ON public.events USING btree (workspace_id, id)
CREATE INDEX idempotency_keys_expiry ON public.idempotency_keys USING btree (expires_at)
CREATE UNIQUE INDEX idempotency_keys_pk ON public.idempotency_keys USING btree (workspace_id, key)
CREATE UNIQUE INDEX login_throttle_pkey ON public.login_throttle USING btree (throttle_key)
CREATE INDEX login_throttle_window ON public.login_throttle USING btree (window_started_at)
CREATE UNIQUE INDEX media_pkey ON public.media USING btree (id)
CREATE INDEX media_status ON public.media USING btree (status, created_at)
CREATE INDEX media_workspace ON public.media USING btree (workspace_id, created_at)
CREATE UNIQUE INDEX media_chunks_pk ON public.media_chunks USING btree (storage_key, seq)
CREATE UNIQUE INDEX memberships_pk ON public.memberships USING btree (workspace_id, user_id)
CREATE INDEX message_status_history_message ON public.message_status_history USING btree (message_id, at)
CREATE INDEX messages_expiry ON public.messages USING btree (expires_at) WHERE ((status = 'queued'::text) AND (expires_at IS NOT NULL))
CREATE INDEX messages_log ON public.messages USING btree (workspace_id, id)
CREATE INDEX messages_phone ON public.messages USING btree (workspace_id, phone, id)
CREATE UNIQUE INDEX messages_pkey ON public.messages USING btree (id)
CREATE INDEX messages_queue ON public.messages USING btree (device_id, priority DESC, id) WHERE (status = 'queued'::text)
CREATE INDEX messages_retention ON public.messages USING btree (workspace_id, created_at)
CREATE INDEX messages_sealed ON public.messages USING btree (status) WHERE (sealed_body IS NOT NULL)
CREATE INDEX messages_sending ON public.messages USING btree (device_id) WHERE (status = 'sending'::text)
CREATE INDEX messages_status ON public.messages USING btree (workspace_id, status, id)
CREATE INDEX messages_wa_id ON public.messages USING btree (wa_message_id)
CREATE UNIQUE INDEX recovery_codes_pkey ON public.recovery_codes USING btree (id)
CREATE INDEX recovery_codes_user ON public.recovery_codes USING btree (user_id)
CREATE INDEX sessions_expiry ON public.sessions USING btree (expires_at)
CREATE UNIQUE INDEX sessions_pkey ON public.sessions USING btree (id)
CREATE UNIQUE INDEX sessions_token_hash_key ON public.sessions USING btree (token_hash)
CREATE INDEX sessions_user ON public.sessions USING btree (user_id)
CREATE INDEX sign_in_challenges_expiry ON public.sign_in_challenges USING btree (expires_at)
CREATE UNIQUE INDEX sign_in_challenges_pkey ON public.sign_in_challenges USING btree (id)
CREATE UNIQUE INDEX sign_in_challenges_token_hash_key ON public.sign_in_challenges USING btree (token_hash)
CREATE UNIQUE INDEX templates_name_unique ON public.templates USING btree (workspace_id, name)
CREATE UNIQUE INDEX templates_pkey ON public.templates USING btree (id)
CREATE UNIQUE INDEX usage_counters_pk ON public.usage_counters USING btree (workspace_id, period)
CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)
CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)
CREATE UNIQUE INDEX verification_limit_counts_pk ON public.verification_limit_counts USING btree (workspace_id, kind, subject, second)
CREATE INDEX verification_limit_counts_second ON public.verification_limit_counts USING btree (second)
CREATE INDEX verifications_attempt_due ON public.verifications USING btree (status, attempt_state, attempt_deadline)
CREATE INDEX verifications_attempt_message ON public.verifications USING btree (attempt_message_id)
CREATE INDEX verifications_created ON public.verifications USING btree (workspace_id, created_at, id)
CREATE INDEX verifications_expiry ON public.verifications USING btree (status, expires_at)
CREATE UNIQUE INDEX verifications_one_pending ON public.verifications USING btree (workspace_id, phone) WHERE (status = 'pending'::text)
CREATE INDEX verifications_phone ON public.verifications USING btree (workspace_id, phone, status, id)
CREATE UNIQUE INDEX verifications_pkey ON public.verifications USING btree (id)
CREATE INDEX verifications_workspace ON public.verifications USING btree (workspace_id, id)
CREATE UNIQUE INDEX waping_migrations_pkey ON public.waping_migrations USING btree (name)
CREATE UNIQUE INDEX webhook_attempts_pk ON public.webhook_attempts USING btree (delivery_id, number)
CREATE INDEX webhook_deliveries_due ON public.webhook_deliveries USING btree (status, next_attempt_at)
CREATE INDEX webhook_deliveries_event ON public.webhook_deliveries USING btree (event_id)
CREATE INDEX webhook_deliveries_log ON public.webhook_deliveries USING btree (endpoint_id, id)
CREATE UNIQUE INDEX webhook_deliveries_pkey ON public.webhook_deliveries USING btree (id)
CREATE INDEX webhook_deliveries_sequence ON public.webhook_deliveries USING btree (endpoint_id, sequence_key, event_id) WHERE (status = 'pending'::text)
CREATE UNIQUE INDEX webhook_endpoints_pkey ON public.webhook_endpoints USING btree (id)
CREATE INDEX webhook_endpoints_workspace ON public.webhook_endpoints USING btree (workspace_id, id)
CREATE UNIQUE INDEX workspaces_name_key ON public.workspaces USING btree (name)
CREATE UNIQUE INDEX workspaces_pkey ON public.workspaces USING btree (id)
