-- Improvement projects (improvement.md, "Improvement projects"): Define, Measure, Analyse,
-- Improve, Control, each signed off, with their artefacts; held by the unit's
-- SERVICE_IMPROVEMENT plan.

create table improvement_project (
    project_id bigserial primary key,
    plan_id bigint references improvement_plan (plan_id),
    title text not null,
    owner text not null,
    measure_code text not null,
    unit_code varchar(12) not null,
    baseline_from date not null check (extract(day from baseline_from) = 1),
    change_month date not null check (extract(day from change_month) = 1),
    -- where the project came from, so that a reader can go back to the evidence
    source_kind text not null check (source_kind in ('MEASURE', 'FLAG', 'AUDIT_THEME', 'SURVEY_ROUND')),
    source_ref text,
    stage text not null default 'DEFINE'
        check (stage in ('DEFINE', 'MEASURE', 'ANALYSE', 'IMPROVE', 'CONTROL', 'CLOSED')),
    -- Define: the charter
    problem text,
    scope text,
    goal text,
    team text,
    -- Measure
    data_notes text,
    -- Control: who watches which figure how often
    control_watcher text,
    control_figure text,
    control_frequency text,
    control_response text,
    created_at timestamptz not null,
    created_by text not null,
    closed_at timestamptz,
    version integer not null default 0,
    check (baseline_from < change_month)
);
create index improvement_project_unit on improvement_project (unit_code);

-- A stage signed off: once, never changed.
create table improvement_project_signoff (
    project_id bigint not null references improvement_project (project_id),
    stage text not null check (stage in ('DEFINE', 'MEASURE', 'ANALYSE', 'IMPROVE', 'CONTROL')),
    signed_off_by text not null,
    signed_off_name text not null,
    signed_off_at timestamptz not null,
    note text,
    primary key (project_id, stage)
);

-- Links attached to a stage's sign-off (documents, minutes, dashboards).
create table improvement_project_attachment (
    attachment_id bigserial primary key,
    project_id bigint not null references improvement_project (project_id),
    stage text not null,
    label text not null,
    url text not null
);
create index improvement_project_attachment_project on improvement_project_attachment (project_id);

-- Analyse: root causes, each with the evidence for it.
create table improvement_project_cause (
    cause_id bigserial primary key,
    project_id bigint not null references improvement_project (project_id),
    cause text not null,
    evidence_label text,
    evidence_url text,
    added_by text not null,
    added_at timestamptz not null
);
create index improvement_project_cause_project on improvement_project_cause (project_id);

-- Improve: the changes tried, with their dates and the action raised for each in the plan.
create table improvement_project_change (
    change_id bigserial primary key,
    project_id bigint not null references improvement_project (project_id),
    description text not null,
    started_on date not null,
    ended_on date,
    action_id bigint,
    added_by text not null,
    added_at timestamptz not null,
    check (ended_on is null or ended_on >= started_on)
);
create index improvement_project_change_project on improvement_project_change (project_id);
