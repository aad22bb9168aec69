-- The register of contract obligations (issue 15, point 5): each clause of the contract
-- (the annual service plan's Schedule 7 and 9 references) with its requirement, its owner
-- (an account), how it is evidenced, how often it is reviewed and when next. `version`
-- is the optimistic lock: an edit or a review names the version it was made from.
create table obligation (
    obligation_id    bigserial primary key,
    clause           text not null unique check (length(clause) between 1 and 100),
    requirement      text not null check (length(requirement) between 1 and 2000),
    owner_username   text not null,
    evidence_kind    text not null check (evidence_kind in ('MEASURE', 'AUDIT_PROGRAMME', 'DOCUMENT')),
    evidence_ref     text not null check (length(evidence_ref) between 1 and 500),
    review_frequency text not null check (review_frequency in ('MONTHLY', 'QUARTERLY', 'SIX_MONTHLY', 'ANNUAL')),
    next_review_on   date not null,
    version          integer not null default 0,
    created_at       timestamptz not null,
    created_by       text not null,
    updated_at       timestamptz not null,
    updated_by       text not null
);

create index obligation_owner on obligation (owner_username, next_review_on);

-- Every review of an obligation: its RAG and note, who reviewed it and when; appended,
-- never changed (a trigger refuses updates and deletes).
create table obligation_review (
    review_id      bigserial primary key,
    obligation_id  bigint not null references obligation (obligation_id),
    reviewed_on    date not null,
    rag            text not null check (rag in ('GREEN', 'AMBER', 'RED')),
    note           text not null check (length(note) between 1 and 4000),
    next_review_on date not null,
    reviewed_by    text not null,
    recorded_at    timestamptz not null
);

create index obligation_review_obligation on obligation_review (obligation_id, reviewed_on desc, review_id desc);

create function obligation_review_kept() returns trigger language plpgsql as $$
begin
    raise exception 'An obligation review is never changed: record a new review';
end $$;

create trigger obligation_review_never_overwritten before update or delete on obligation_review
    for each row execute function obligation_review_kept();

-- The audit trail of changes to an obligation's register entry (created, edited,
-- imported): who, when, and what it read afterwards.
create table obligation_change (
    obligation_id bigint not null references obligation (obligation_id),
    changed_at    timestamptz not null,
    changed_by    text not null,
    change        text not null,
    details       text not null
);

create index obligation_change_obligation on obligation_change (obligation_id, changed_at);
