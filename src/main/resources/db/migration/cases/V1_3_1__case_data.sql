-- Case data extracted from the national case management system (data-exchange.md).
-- Probity never edits these rows by hand: they change only through imports.
create table person (
    crn char(7) primary key check (crn ~ '^[A-Z][0-9]{6}$'),
    forename text not null,
    surname text not null,
    date_of_birth date not null,
    sex text not null check (sex in ('MALE', 'FEMALE', 'NOT_RECORDED')),
    gender_identity_same_as_birth boolean,
    ethnicity text not null check (ethnicity in ('ASIAN', 'BLACK', 'MIXED', 'WHITE', 'OTHER', 'NOT_RECORDED')),
    religion text not null check (religion in ('NONE', 'CHRISTIAN', 'MUSLIM', 'HINDU', 'SIKH', 'JEWISH', 'BUDDHIST', 'OTHER', 'NOT_RECORDED')),
    sexual_orientation text not null check (sexual_orientation in ('HETEROSEXUAL', 'GAY_OR_LESBIAN', 'BISEXUAL', 'OTHER', 'NOT_RECORDED')),
    disability boolean,
    marital_status text not null check (marital_status in ('SINGLE', 'MARRIED_OR_CIVIL_PARTNERSHIP', 'SEPARATED_DIVORCED_OR_DISSOLVED', 'WIDOWED', 'NOT_RECORDED')),
    restricted boolean not null
);
create index person_surname on person (lower(surname), lower(forename));

create table event (
    event_id text primary key,
    crn char(7) not null references person (crn),
    event_type text not null check (event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'LICENCE', 'POST_SENTENCE_SUPERVISION', 'CUSTODY')),
    sentence_date date not null,
    allocation_date date not null,
    release_date date,
    expected_end_date date not null,
    termination_date date,
    termination_reason text check (termination_reason in ('COMPLETED', 'REVOKED_BREACH', 'REVOKED_FURTHER_OFFENCE', 'RECALLED', 'TRANSFERRED_OUT', 'DECEASED', 'OTHER_NEUTRAL')),
    staff_code char(7) not null references staff (staff_code),
    team_code varchar(12) not null references unit (unit_code),
    unique (event_id, crn),
    check (release_date is not null or event_type not in ('LICENCE', 'POST_SENTENCE_SUPERVISION')),
    check (termination_date is null or termination_reason is not null)
);
create index event_crn on event (crn);
create index event_team on event (team_code);
create index event_staff on event (staff_code);

create table requirement (
    requirement_id text primary key,
    event_id text not null references event (event_id),
    requirement_type text not null check (requirement_type in ('UNPAID_WORK', 'ACCREDITED_PROGRAMME', 'REHABILITATION_ACTIVITY', 'OTHER')),
    length integer not null check (length > 0),
    start_date date not null,
    termination_date date,
    termination_reason text check (termination_reason in ('COMPLETED', 'REVOKED_BREACH', 'REVOKED_FURTHER_OFFENCE', 'TRANSFERRED_OUT', 'DECEASED', 'OTHER_NEUTRAL')),
    unique (requirement_id, event_id),
    check (termination_date is null or termination_reason is not null)
);
create index requirement_event on requirement (event_id);

create table contact (
    contact_id text primary key,
    crn char(7) not null,
    event_id text not null,
    requirement_id text,
    staff_code char(7) not null references staff (staff_code),
    contact_type text not null check (contact_type in ('INITIAL_APPOINTMENT', 'SUPERVISION', 'HOME_VISIT', 'UNPAID_WORK_SESSION', 'PROGRAMME_SESSION', 'OTHER')),
    face_to_face boolean not null,
    national_standard boolean not null,
    arranged_on date not null,
    contact_at timestamp not null,
    outcome text not null check (outcome in ('ATTENDED_COMPLIED', 'ATTENDED_FAILED_TO_COMPLY', 'ACCEPTABLE_ABSENCE', 'UNACCEPTABLE_ABSENCE', 'RESCHEDULED', 'NOT_RECORDED')),
    -- a contact's crn is its event's crn, and its requirement belongs to the same event
    foreign key (event_id, crn) references event (event_id, crn),
    foreign key (requirement_id, event_id) references requirement (requirement_id, event_id),
    check (arranged_on <= contact_at::date)
);
create index contact_event on contact (event_id, contact_at);
create index contact_crn on contact (crn, contact_at);

create table plan (
    plan_id text primary key,
    event_id text not null references event (event_id),
    plan_type text not null check (plan_type in ('SENTENCE_PLAN', 'RESETTLEMENT_PLAN')),
    completed_date date,
    agreed_with_person boolean not null
);
create index plan_event on plan (event_id);

create table referral (
    referral_id text primary key,
    event_id text not null references event (event_id),
    referral_type text not null check (referral_type in ('BREACH', 'RECALL')),
    aware_date date not null,
    referred_date date not null,
    usable_without_more_information boolean not null,
    outcome text not null check (outcome in ('PENDING', 'PROVEN', 'NOT_PROVEN', 'WITHDRAWN'))
);
create index referral_event on referral (event_id);

create table accommodation (
    event_id text primary key references event (event_id),
    status text not null check (status in ('SETTLED', 'TEMPORARY', 'NO_FIXED_ABODE', 'UNKNOWN'))
);
