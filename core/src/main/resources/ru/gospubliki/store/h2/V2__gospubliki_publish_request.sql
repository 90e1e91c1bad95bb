-- Gospubliki SDK store, schema version 2: which request first used each idempotency key.
-- A service that takes idempotency keys from its callers (gospubliki serve, an embedder's own API)
-- answers a key reused for a different request with a conflict instead of posting it.

CREATE TABLE IF NOT EXISTS gp_publish_request (
  idempotency_key  VARCHAR(64)   NOT NULL PRIMARY KEY,
  request_digest   VARCHAR(128)  NOT NULL,
  bound_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
