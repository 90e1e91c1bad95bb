-- A module's own table beside the store's.
CREATE TABLE IF NOT EXISTS portal_news (
  id     BIGINT        NOT NULL PRIMARY KEY,
  title  VARCHAR(200)  NOT NULL
);
