-- Optimistic lock of a measure's targets (issue 10, point 9): every change of a target adds
-- one to target_version, in an update whose WHERE clause holds the version the person saw
-- when they opened the form; a change made meanwhile by someone else is refused, not
-- silently put behind theirs.
alter table measure add column target_version integer not null default 0;
