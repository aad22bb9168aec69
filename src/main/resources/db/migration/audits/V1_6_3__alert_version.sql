-- Optimistic lock of an alert (issue 10, point 9): recording what was done adds one to
-- version, in an update whose WHERE clause holds the version the line manager saw; when
-- two people record it at the same time the second is told, and their note is not lost
-- silently.
alter table audit_alert add column version integer not null default 0;
