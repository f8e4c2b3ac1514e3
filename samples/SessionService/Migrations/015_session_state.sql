-- 015: sessions remember whether they are active, when they changed and when the user logged out.
ALTER TABLE shared.user_sessions ADD COLUMN is_active boolean NOT NULL DEFAULT true;
ALTER TABLE shared.user_sessions ADD COLUMN updated_at timestamptz;
ALTER TABLE shared.user_sessions ADD COLUMN logout_at timestamptz;
