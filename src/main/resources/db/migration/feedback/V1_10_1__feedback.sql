-- Complaints with their stages, questionnaires as versioned data, survey rounds with their
-- anonymous responses, and the meetings of councils and forums (feedback.md).

-- Categories and themes are kept as data: the quality team's lists.
create table complaint_category (
    code text primary key,
    label text not null
);

create table complaint (
    complaint_id bigserial primary key,
    version integer not null default 0,
    received_on date not null,
    channel text not null,
    complainant text not null check (complainant in ('PERSON_ON_PROBATION', 'VICTIM', 'FAMILY', 'PUBLIC', 'STAKEHOLDER', 'STAFF')),
    unit_code varchar(12) not null,
    staff_code char(7),
    crn char(7),
    summary text not null,
    acknowledged_on date,
    responded_on date,
    outcome text check (outcome in ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN')),
    appealed_on date,
    appeal_responded_on date,
    appeal_outcome text check (appeal_outcome in ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN')),
    ombudsman_referred_on date,
    ombudsman_outcome text,
    action_id bigint,
    logged_by text not null,
    logged_at timestamptz not null default now()
);
create index complaint_unit on complaint (unit_code, received_on);
create index complaint_staff on complaint (staff_code) where staff_code is not null;

create table complaint_category_link (
    complaint_id bigint not null references complaint (complaint_id),
    category text not null,
    primary key (complaint_id, category)
);

create table questionnaire (
    code text not null,
    version integer not null,
    title text not null,
    audience text not null check (audience in ('PERSON_ON_PROBATION', 'STAFF', 'STAKEHOLDER', 'SENTENCER')),
    created_by text not null,
    created_at timestamptz not null default now(),
    primary key (code, version)
);

create table questionnaire_question (
    code text not null,
    version integer not null,
    position integer not null,
    question_code text not null,
    text text not null,
    question_type text not null check (question_type in ('AGREEMENT', 'YES_NO', 'CHOICE', 'TEXT')),
    options text[] not null default '{}',
    primary key (code, version, question_code),
    unique (code, version, position),
    foreign key (code, version) references questionnaire (code, version)
);

create table survey_round (
    round_id bigserial primary key,
    questionnaire_code text not null,
    unit_code varchar(12) not null,
    title text not null,
    opens_on date not null,
    closes_on date not null check (closes_on >= opens_on),
    public_token text not null unique,
    uses_invitations boolean not null default false,
    created_by text not null
);

-- An invitation is a one-time token handed to a respondent; it is only marked used and is
-- never linked to the response it allowed, so the response stays anonymous.
create table survey_invitation (
    token text primary key,
    round_id bigint not null references survey_round (round_id),
    used boolean not null default false
);

-- Anonymous by design: no name, CRN, IP address or time of day is stored with a response.
-- response_ref is the reference a paper form or an import file gives it, when there is one.
create table survey_response (
    response_id bigserial primary key,
    questionnaire_code text not null,
    questionnaire_version integer not null,
    unit_code varchar(12) not null,
    answered_on date not null,
    channel text not null check (channel in ('ONLINE', 'PAPER', 'INTERVIEW')),
    round_id bigint references survey_round (round_id),
    response_ref text,
    foreign key (questionnaire_code, questionnaire_version) references questionnaire (code, version)
);
create unique index survey_response_ref on survey_response (questionnaire_code, response_ref) where response_ref is not null;
create index survey_response_unit on survey_response (questionnaire_code, unit_code, answered_on);

create table survey_answer (
    response_id bigint not null references survey_response (response_id) on delete cascade,
    question_code text not null,
    answer text not null,
    primary key (response_id, question_code)
);

create table feedback_theme (
    code text primary key,
    label text not null
);

-- Free-text answers coded with themes by the quality team.
create table answer_theme (
    response_id bigint not null references survey_response (response_id) on delete cascade,
    question_code text not null,
    theme_code text not null references feedback_theme (code),
    coded_by text not null,
    primary key (response_id, question_code, theme_code)
);

create table feedback_meeting (
    meeting_id bigserial primary key,
    held_on date not null,
    unit_code varchar(12) not null,
    kind text not null check (kind in ('SERVICE_USER_COUNCIL', 'FORUM', 'FOCUS_GROUP', 'STAKEHOLDER_EVENT')),
    title text not null,
    attendance integer not null check (attendance >= 0),
    notes text,
    recorded_by text not null
);

create table meeting_theme (
    meeting_id bigint not null references feedback_meeting (meeting_id),
    theme_code text not null references feedback_theme (code),
    primary key (meeting_id, theme_code)
);

-- Actions raised from a round or a meeting through the improvement module: one per
-- source and description, so that a second click or node raises nothing twice.
create table feedback_action (
    source_kind text not null check (source_kind in ('ROUND', 'MEETING')),
    source_id bigint not null,
    description text not null,
    action_id bigint,
    raised_by text not null,
    raised_on date not null,
    primary key (source_kind, source_id, description)
);
