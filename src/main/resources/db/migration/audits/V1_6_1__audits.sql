-- Case audits (case-audit.md): versioned templates, samples, programmes and their rounds,
-- audits with their answers, alerts, and inspection-style judgements.

-- A template is data: changing one adds a version; an audit keeps the version it used.
create table audit_template (
    template_code text primary key,
    name text not null,
    template_type text not null check (template_type in ('CASE', 'OBSERVATION', 'SELF_ASSESSMENT')),
    current_version integer not null
);

create table audit_template_version (
    template_code text not null references audit_template (template_code),
    version integer not null,
    framework_version text not null,
    answer_scale text not null default 'YES_NO_NOT_APPLICABLE' check (answer_scale in ('YES_NO_NOT_APPLICABLE')),
    description text not null default '',
    created_at timestamptz not null default now(),
    created_by text not null default 'system',
    primary key (template_code, version)
);

create table audit_standard (
    template_code text not null,
    version integer not null,
    standard_code text not null,
    title text not null,
    position integer not null,
    primary key (template_code, version, standard_code),
    foreign key (template_code, version) references audit_template_version (template_code, version)
);

create table audit_key_question (
    template_code text not null,
    version integer not null,
    key_question_code text not null,
    standard_code text not null,
    text text not null,
    position integer not null,
    primary key (template_code, version, key_question_code),
    foreign key (template_code, version, standard_code) references audit_standard (template_code, version, standard_code)
);

create table audit_prompt (
    template_code text not null,
    version integer not null,
    prompt_code text not null,
    key_question_code text not null,
    text text not null,
    position integer not null,
    primary key (template_code, version, prompt_code),
    foreign key (template_code, version, key_question_code) references audit_key_question (template_code, version, key_question_code)
);

-- An audit programme: what to audit, how many, who audits and how often.
create table audit_programme (
    programme_id bigserial primary key,
    name text not null,
    kind text not null check (kind in ('THEMATIC', 'LOCAL_QUALITY_INSPECTION', 'DIP_SAMPLE', 'QUALITY_DEVELOPMENT',
        'REMOTE_CHECK', 'SPOT_CHECK', 'OBSERVATION', 'PEER_REVIEW', 'SELF_ASSESSMENT')),
    template_code text not null references audit_template (template_code),
    -- population filters (case-audit.md, "Sampling")
    unit_code varchar(12),
    event_types text[] not null default '{}',
    date_from date,
    date_to date,
    staff_code char(7),
    failed_measure text,
    failed_measure_period text,
    -- how many: a sample size per round, or n audits per practitioner per round
    sample_size integer check (sample_size >= 0),
    per_practitioner integer check (per_practitioner > 0),
    practitioners text[] not null default '{}',
    stratified boolean not null default false,
    recurrence text not null check (recurrence in ('NONE', 'MONTHLY', 'QUARTERLY', 'ANNUAL')),
    start_month date not null check (extract(day from start_month) = 1),
    end_month date check (end_month is null or end_month >= start_month),
    seed bigint not null,
    created_at timestamptz not null default now(),
    created_by text not null,
    version integer not null default 0,
    check ((sample_size is null) <> (per_practitioner is null))
);

create table audit_programme_auditor (
    programme_id bigint not null references audit_programme (programme_id),
    username text not null,
    primary key (programme_id, username)
);

-- One round of a programme per due period (or per manual draw); the unique key keeps
-- the scheduler idempotent.
create table audit_round (
    round_id bigserial primary key,
    programme_id bigint not null references audit_programme (programme_id),
    period_code text not null,
    period_start date not null,
    period_end date not null,
    due_date date not null,
    created_at timestamptz not null default now(),
    unique (programme_id, period_code)
);

-- A draw: its seed and the population it drew from, so that it can be reproduced.
create table audit_sample (
    sample_id bigserial primary key,
    programme_id bigint references audit_programme (programme_id),
    round_id bigint references audit_round (round_id),
    seed bigint not null,
    filters jsonb not null,
    stratified boolean not null,
    requested_size integer not null,
    population_event_ids text[] not null,
    population_team_codes text[] not null,
    drawn_at timestamptz not null,
    drawn_by text not null
);

create table audit_sample_case (
    sample_id bigint not null references audit_sample (sample_id),
    position integer not null,
    event_id text not null,
    crn char(7) not null,
    team_code varchar(12) not null,
    staff_code char(7) not null,
    primary key (sample_id, position),
    unique (sample_id, event_id)
);

create table case_audit (
    audit_id bigserial primary key,
    programme_id bigint references audit_programme (programme_id),
    round_id bigint references audit_round (round_id),
    sample_id bigint references audit_sample (sample_id),
    template_code text not null,
    template_version integer not null,
    -- a site self-assessment audits a team, not a case: no event, person or practitioner
    event_id text,
    crn char(7),
    team_code varchar(12) not null,
    staff_code char(7),
    auditor text,
    status text not null check (status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'MISSED')),
    due_date date not null,
    alert boolean not null default false,
    alert_reason text,
    summary text,
    completed_at timestamptz,
    completed_by text,
    framework_version text,
    updated_at timestamptz not null default now(),
    updated_by text not null,
    version integer not null default 0,
    foreign key (template_code, template_version) references audit_template_version (template_code, version),
    check (status <> 'COMPLETED' or completed_at is not null),
    check ((event_id is null) = (crn is null)),
    check (event_id is not null or not alert)
);
create index case_audit_auditor on case_audit (auditor, status);
create index case_audit_round on case_audit (round_id);
create index case_audit_programme on case_audit (programme_id, status);
create index case_audit_team on case_audit (team_code, completed_at);

create table case_audit_answer (
    audit_id bigint not null references case_audit (audit_id),
    key_question_code text not null,
    answer text check (answer in ('YES', 'NO', 'NOT_APPLICABLE')),
    comment text not null default '',
    primary key (audit_id, key_question_code)
);

-- Prompts the auditor found not met: the practice themes of the assurance report.
create table case_audit_failed_prompt (
    audit_id bigint not null references case_audit (audit_id),
    prompt_code text not null,
    primary key (audit_id, prompt_code)
);

create table audit_alert (
    audit_id bigint primary key references case_audit (audit_id),
    raised_at timestamptz not null,
    raised_by text not null,
    due_date date not null,
    team_code varchar(12) not null,
    staff_code char(7) not null,
    reason text not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    action_taken text
);
create index audit_alert_team on audit_alert (team_code, acknowledged_at);

-- An inspection-style exercise over the ten standards: 1.1 to 1.4 are judged and
-- entered; the others come from completed audits of the unit in the period.
create table audit_inspection (
    inspection_id bigserial primary key,
    name text not null,
    unit_code varchar(12) not null,
    period_start date not null,
    period_end date not null,
    framework_version text not null,
    created_at timestamptz not null default now(),
    created_by text not null
);

create table audit_inspection_judgement (
    inspection_id bigint not null references audit_inspection (inspection_id),
    standard_code text not null,
    rating text not null check (rating in ('INADEQUATE', 'REQUIRES_IMPROVEMENT', 'GOOD', 'OUTSTANDING')),
    note text not null default '',
    primary key (inspection_id, standard_code)
);
