-- Staff who sign in through the organisation's identity provider (single sign-on) get an
-- account row at their first sign-in, kept up to date from their claims at every sign-in:
-- other modules choose auditors and line managers among accounts (account_directory), and
-- alerts are mailed to the address on the account. Such an account has no password
-- (password_hash holds a value no password matches) and cannot sign in with the form or
-- HTTP Basic; provider names the identity provider (the registration id).
alter table account add column signs_in_with text not null default 'PASSWORD'
    check (signs_in_with in ('PASSWORD', 'PROVIDER'));
alter table account add column provider text;

-- Every interactive sign-in, with a password (the form) or through an identity provider:
-- who, when, how and from which address. API requests (HTTP Basic, bearer tokens) are not
-- sign-ins and are not listed here.
create table sign_in (
    id bigserial primary key,
    username text not null,
    signed_in_at timestamptz not null,
    method text not null check (method in ('PASSWORD', 'PROVIDER')),
    provider text,
    source text
);
create index sign_in_user on sign_in (username, signed_in_at);
create index sign_in_at on sign_in (signed_in_at);
