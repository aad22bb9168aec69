-- Failed sign-ins, counted per account name AND source address rather than per account:
-- a stranger's wrong passwords slow that stranger down and never lock the owner out.
-- Five failures in a row block that pair for a while (1, 2, 4, 8, then 15 minutes); the
-- count starts again when the block ends; a successful sign-in from that address removes
-- the row; rows left a day without a failure are removed by the clean-up job.
create table sign_in_throttle (
    username text not null,
    source text not null,
    failures integer not null,
    blocks integer not null,
    blocked_until timestamptz,
    last_failure_at timestamptz not null,
    primary key (username, source)
);
create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);

-- Whole accounts are no longer locked after failures: lift the locks earlier versions set.
update account set failed_attempts = 0, locked_until = null where failed_attempts > 0 or locked_until is not null;
