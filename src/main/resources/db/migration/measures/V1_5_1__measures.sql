-- Service-level measures (measures.md): definitions, dated targets, one row per case
-- counted in a denominator (with its reason), monthly totals per unit and practitioner,
-- and the flags raised from them.
create table measure (
    code text primary key,
    title text not null,
    description text not null,
    ordinal integer not null unique
);

-- Targets are data: an administrator changes them from a date (a contract variation).
-- The target of a period is the one in force on the first day of the period, so a change
-- dated in the middle of a month applies from the next month.
create table measure_target (
    id bigserial primary key,
    code text not null references measure (code),
    effective_from date not null,
    target numeric,
    trigger numeric,
    changed_by text not null,
    changed_at timestamptz not null default now(),
    check (trigger is null or target is not null),
    check (target is null or (target >= 0 and target <= 100)),
    check (trigger is null or (trigger >= 0 and trigger <= target))
);

insert into measure (code, title, ordinal, description) values
  ('SL001R', 'Initial contact: community orders and SSOs', 1, 'Community orders and suspended sentence orders allocated in the period with an offered face-to-face contact no later than 5 business days after allocation.'),
  ('SL002R', 'Initial contact: licences', 2, 'Licences with release in the period with an offered face-to-face contact no later than 1 business day after release.'),
  ('SL003R', 'Plan completion: community orders and SSOs', 3, 'Community orders and suspended sentence orders whose sentence plan fell due in the period (15 business days after the first attended face-to-face contact) with the plan completed by then.'),
  ('SL004R', 'Plan completion: licences', 4, 'Licences whose sentence plan fell due in the period (15 business days after the first attended face-to-face contact) with the plan completed by then.'),
  ('SL006R', 'Unpaid work arranged promptly', 5, 'Unpaid work requirements of events allocated in the period with an offered unpaid work session no later than 7 business days after allocation.'),
  ('SL008', 'Completion of community orders and SSOs', 6, 'Community orders and suspended sentence orders terminated in the period (neutral terminations left out) that were completed.'),
  ('SL010', 'Unpaid work requirements completed', 7, 'Unpaid work requirements terminated in the period (neutral terminations left out) completed within 12 months of the sentence date.'),
  ('SL011R', 'Programme requirements completed', 8, 'Accredited programme requirements terminated in the period (neutral terminations left out) that were completed.'),
  ('SL013', 'Resettlement plans completed', 9, 'Custody, licence and post-sentence supervision events whose resettlement plan fell due in the period (10 business days after sentence) with the plan completed by then.'),
  ('SL016', 'Quality of breach referrals', 10, 'Breach referrals made in the period that the authority could use without asking for more information.'),
  ('SL018', 'Recall referral timeliness', 11, 'Recall referrals made in the period no later than 1 business day after becoming aware.'),
  ('AM_C', 'Accommodation on release', 12, 'Licence and post-sentence supervision events released in the period, with a known accommodation status, in settled or temporary accommodation on the night after release.'),
  ('AM_E', 'Breach referral timeliness', 13, 'Breach referrals made in the period no later than 8 business days after becoming aware.'),
  ('AM_J', 'Completion of licences and PSS', 14, 'Licence and post-sentence supervision events terminated in the period (neutral terminations left out) that were completed.'),
  ('AM_K', 'Monthly contact', 15, 'Community orders, SSOs, licences and PSS active for the whole month with an offered face-to-face national standard contact in the month.'),
  ('ATTENDANCE', 'Attendance at appointments', 16, 'National standard appointments in the period that were attended, out of those attended or missed without an acceptable reason.');

insert into measure_target (code, effective_from, target, trigger, changed_by, changed_at) values
  ('SL001R', '2000-01-01', 93, 88, 'contract', '2000-01-01'),
  ('SL002R', '2000-01-01', 93, 88, 'contract', '2000-01-01'),
  ('SL003R', '2000-01-01', 97, 92, 'contract', '2000-01-01'),
  ('SL004R', '2000-01-01', 97, 92, 'contract', '2000-01-01'),
  ('SL006R', '2000-01-01', 75, 65, 'contract', '2000-01-01'),
  ('SL008', '2000-01-01', 75, 65, 'contract', '2000-01-01'),
  ('SL010', '2000-01-01', 90, 80, 'contract', '2000-01-01'),
  ('SL011R', '2000-01-01', 90, 80, 'contract', '2000-01-01'),
  ('SL013', '2000-01-01', 95, 90, 'contract', '2000-01-01'),
  ('SL016', '2000-01-01', 90, 80, 'contract', '2000-01-01'),
  ('SL018', '2000-01-01', 95, 85, 'contract', '2000-01-01'),
  ('AM_C', '2000-01-01', 90, 80, 'contract', '2000-01-01'),
  ('AM_E', '2000-01-01', 95, 82, 'contract', '2000-01-01'),
  ('AM_J', '2000-01-01', 65, 65, 'contract', '2000-01-01'),
  ('AM_K', '2000-01-01', 95, 90, 'contract', '2000-01-01'),
  ('ATTENDANCE', '2000-01-01', null, null, 'contract', '2000-01-01');

-- One row per case in a denominator, in the month it is counted. ATTENDANCE counts
-- contacts: one row per event and month, numerator attended and denominator counted.
-- Unlogged: everything here is recomputed from the case data, and Probity recomputes on
-- start-up when it finds these tables empty (as they are after a crash).
create unlogged table measure_case (
    measure_code text not null,
    month date not null,
    event_id text not null,
    subject_id text not null,
    crn char(7) not null,
    team_code varchar(12) not null,
    staff_code char(7) not null,
    numerator integer not null,
    denominator integer not null,
    reason text not null
);
create index measure_case_event on measure_case (event_id);
create index measure_case_team on measure_case (measure_code, team_code, month);
create index measure_case_staff on measure_case (measure_code, staff_code, month);

-- Monthly totals, for every unit a case counts for (its team and each parent) and for
-- every practitioner. Quarters and years sum months when read.
create unlogged table measure_unit_result (
    measure_code text not null,
    month date not null,
    unit_code varchar(12) not null,
    numerator bigint not null,
    denominator bigint not null,
    primary key (unit_code, measure_code, month)
);
create index measure_unit_result_month on measure_unit_result (month, measure_code);

create unlogged table measure_staff_result (
    measure_code text not null,
    month date not null,
    staff_code char(7) not null,
    numerator bigint not null,
    denominator bigint not null,
    primary key (staff_code, measure_code, month)
);
create index measure_staff_result_month on measure_staff_result (month, measure_code);

-- Flags raised from monthly results (measures.md, "Flags"): kept so that each is
-- published once and audits and improvement plans can find them later.
create table measure_flag (
    id bigserial primary key,
    kind text not null check (kind in ('DEEPER_AUDIT', 'SUSTAINED_SHORTFALL')),
    measure_code text not null references measure (code),
    month date not null,
    unit_code varchar(12),
    staff_code char(7),
    performance double precision not null,
    raised_at timestamptz not null default now(),
    check ((unit_code is null) <> (staff_code is null))
);
create unique index measure_flag_once on measure_flag (kind, measure_code, month, coalesce(unit_code, ''), coalesce(staff_code, ''));
create index measure_flag_month on measure_flag (month);

-- Unpaid work arranged promptly (SL006R) looks up the sessions of one requirement.
create index if not exists contact_requirement on contact (requirement_id, contact_at) where requirement_id is not null;

-- "1 business day", "3 business days": for reasons.
create function measure_business_days(n integer) returns text
language sql immutable parallel safe as $$
    select n || case when n = 1 then ' business day' else ' business days' end
$$;

create function measure_date(d date) returns text
language sql immutable parallel safe as $$
    select to_char(d, 'FMDD FMMonth YYYY')
$$;

create index measure_target_code on measure_target (code, effective_from desc, id desc);
