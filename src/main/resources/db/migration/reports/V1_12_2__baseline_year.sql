-- The contract's baseline year (issue #15, point 4): one row, set by an administrator.
-- Every measure's figure can be read against the same period of this year; the monthly
-- pack shows the change from the same month of it. `version` is the optimistic lock.
create table report_baseline (
    only_row      boolean primary key default true check (only_row),
    baseline_year integer not null check (baseline_year between 2000 and 2100),
    version       integer not null default 0,
    set_at        timestamptz not null,
    set_by        text not null
);

-- Every change of the baseline year, who made it, when and why: never updated.
create table report_baseline_history (
    changed_at    timestamptz not null,
    changed_by    text not null,
    from_year     integer,
    to_year       integer not null,
    reason        text
);

create index report_baseline_history_at on report_baseline_history (changed_at);
