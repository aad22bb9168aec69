-- Every change an administrator makes to an account (issue 16): who changed what and when,
-- with the value before and after, one row per field changed. A password is never written
-- here: its row says only that it was reset, and how.
create table account_change (
    id bigserial primary key,
    username text not null,
    changed_at timestamptz not null,
    changed_by text not null,
    change text not null check (change in ('DETAILS', 'DISABLED', 'ENABLED', 'UNLOCKED', 'PASSWORD_RESET')),
    field text not null,
    old_value text,
    new_value text
);
create index account_change_account on account_change (username, changed_at);

-- A password an administrator reset is temporary: its owner chooses their own at their next
-- sign-in with the form before any other page opens.
alter table account add column must_change_password boolean not null default false;
