-- 003: the session table as the service first shipped it.
CREATE SCHEMA IF NOT EXISTS shared;
CREATE TABLE shared.user_sessions (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    ip text,
    created_at timestamptz NOT NULL,
    expires_at timestamptz
);
