-- 003: the session table as the service first shipped it.
CREATE SCHEMA IF NOT EXISTS shared;
CREATE TABLE shared.user_sessions (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    ip text,
    user_agent text,
    created_at timestamptz NOT NULL,
    expires_at timestamptz
);
CREATE INDEX user_sessions_user_id_created_at ON shared.user_sessions (user_id, created_at DESC);
