-- 020 (contract step of a later release): logout times live in shared.session_events now, so logout_at goes.
-- The migration runner never applies this folder on its own: the demo and the tests apply it to a service built
-- from this release, which still maps logout_at, to show old code surviving a dropped column.
ALTER TABLE shared.user_sessions DROP COLUMN logout_at;
