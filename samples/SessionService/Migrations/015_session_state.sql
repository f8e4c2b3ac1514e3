-- 015: sessions remember whether they are active, when they changed, when the user logged out and their tenant;
-- logins, logouts and revocations go to an audit trail.
ALTER TABLE shared.user_sessions ADD COLUMN is_active boolean NOT NULL DEFAULT true;
ALTER TABLE shared.user_sessions ADD COLUMN updated_at timestamptz;
ALTER TABLE shared.user_sessions ADD COLUMN logout_at timestamptz;
ALTER TABLE shared.user_sessions ADD COLUMN tenant_id text;

CREATE TABLE shared.session_events (
    id uuid PRIMARY KEY,
    session_id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind smallint NOT NULL,
    occurred_at timestamptz NOT NULL,
    ip text
);
CREATE INDEX session_events_session_id ON shared.session_events (session_id);
CREATE INDEX session_events_occurred_at ON shared.session_events (occurred_at);
