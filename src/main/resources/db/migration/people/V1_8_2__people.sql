-- Personnel records of the people module (improvement.md, "People"): quarterly RAG
-- ratings, performance improvement plans with their monthly reviews, the start of the
-- capability procedure, formal review prompts, and the learning and development plan.
-- Seen by the staff member, their line manager and the senior managers above only.

-- A rating is never changed or deleted: a correction is a new rating naming the one it
-- corrects, with its reason. The current rating of a quarter is the one nobody corrected.
create table staff_rating (
    rating_id bigserial primary key,
    staff_code char(7) not null,
    quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    rag text not null check (rag in ('GREEN', 'AMBER', 'RED')),
    note text not null check (btrim(note) <> ''),
    rated_by text not null,
    rated_at timestamptz not null,
    corrects bigint references staff_rating (rating_id),
    correction_reason text,
    check ((corrects is null) = (correction_reason is null)),
    -- optimistic locking by construction: two managers correcting the same rating, or
    -- rating the same quarter twice, cannot both succeed
    unique (corrects)
);
create unique index staff_rating_first on staff_rating (staff_code, quarter) where corrects is null;
create index staff_rating_staff on staff_rating (staff_code, quarter, rated_at);

create function staff_rating_kept() returns trigger language plpgsql as $$
begin
    raise exception 'a rating is never changed or deleted: record a correction instead';
end $$;
create trigger staff_rating_never_overwritten before update or delete on staff_rating
    for each row execute function staff_rating_kept();

create table staff_improvement_plan (
    plan_id bigserial primary key,
    staff_code char(7) not null,
    rating_id bigint not null unique references staff_rating (rating_id),
    opened_on date not null,
    objectives text not null,
    support text not null,
    outcome text check (outcome in ('IMPROVED', 'EXTENDED', 'ESCALATED')),
    outcome_on date,
    outcome_note text,
    created_by text not null,
    version integer not null default 0,
    check ((outcome is null) = (outcome_on is null))
);
create index staff_improvement_plan_staff on staff_improvement_plan (staff_code);

create table staff_improvement_plan_review (
    plan_id bigint not null references staff_improvement_plan (plan_id),
    review_no integer not null check (review_no > 0),
    due_on date not null,
    reviewed_on date,
    note text,
    reviewed_by text,
    primary key (plan_id, review_no),
    check ((reviewed_on is null) = (note is null))
);

-- The capability procedure itself is HR's: only its start (date and stage) is kept.
create table capability_procedure (
    procedure_id bigserial primary key,
    staff_code char(7) not null,
    rating_id bigint not null unique references staff_rating (rating_id),
    started_on date not null,
    stage text not null check (stage in ('INFORMAL', 'FIRST_FORMAL', 'SECOND_FORMAL', 'FINAL')),
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index capability_procedure_staff on capability_procedure (staff_code);

-- One prompt per sustained-shortfall flag on a practitioner: a redelivered event, or a
-- second node handling it, finds the row there and adds nothing.
create table formal_review_prompt (
    prompt_id bigserial primary key,
    staff_code char(7) not null,
    measure_code text not null,
    month date not null,
    performance double precision not null,
    raised_at timestamptz not null,
    opened_on date,
    opened_by text,
    unique (staff_code, measure_code, month)
);

-- Items of the learning and development plan, each answering a theme of the training
-- needs analysis (a prompt or key question of an audit template) for a unit.
create table learning_plan_item (
    item_id bigserial primary key,
    unit_code varchar(12) not null,
    template_code text not null,
    theme_kind text not null check (theme_kind in ('PROMPT', 'KEY_QUESTION')),
    theme_code text not null,
    course text not null check (btrim(course) <> ''),
    audience_grade text check (audience_grade in ('PO', 'PSO', 'SPO', 'QDO', 'ACO', 'OTHER')),
    audience_staff text[] not null default '{}',
    training_date date not null,
    owner text not null check (btrim(owner) <> ''),
    status text not null check (status in ('PLANNED', 'BOOKED', 'DELIVERED', 'CANCELLED')),
    created_by text not null,
    created_at timestamptz not null,
    version integer not null default 0
);
create index learning_plan_item_unit on learning_plan_item (unit_code, template_code, theme_code);
