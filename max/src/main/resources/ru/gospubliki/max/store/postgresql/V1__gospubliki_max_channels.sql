-- Gospubliki SDK, MAX adapter: the channels its bots know, schema version 1, for PostgreSQL.
-- JdbcStore applies it when built with addSchema(JdbcChannelDirectory.SCHEMA) (table gp_max_schema_version).
-- To apply it with Flyway instead, give this folder to a Flyway of its own (its own history table).

-- The channels (and group chats) each bot was added to: MAX tells a bot a channel's id only then.
CREATE TABLE IF NOT EXISTS gp_max_channel (
  bot_id      BIGINT        NOT NULL,
  chat_id     BIGINT        NOT NULL,
  link        TEXT,
  title       TEXT,
  is_channel  BOOLEAN       NOT NULL,
  added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (bot_id, chat_id)
);

-- How far each bot's updates have been read: the marker for its next GET /updates.
CREATE TABLE IF NOT EXISTS gp_max_update_marker (
  bot_id  BIGINT  NOT NULL PRIMARY KEY,
  marker  BIGINT  NOT NULL
);
