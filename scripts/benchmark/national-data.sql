-- National-scale synthetic case data for the measures benchmark, straight into the case
-- tables: 1 provider, 10 regions, 50 LDUs, 400 teams, 5,000 staff, 250,000 people,
-- 350,000 events and about 25 million contacts over the 24 months from :start to :end.
-- Run by MeasuresBenchmark with foreign key triggers off (session_replication_role).
select setseed(0.42);

insert into unit (unit_code, unit_name, unit_type, parent_code) values ('N00', 'National provider', 'PROVIDER', null);
insert into unit (unit_code, unit_name, unit_type, parent_code)
select 'N00R' || lpad(r::text, 2, '0'), 'Region ' || r, 'REGION', 'N00' from generate_series(1, 10) r;
insert into unit (unit_code, unit_name, unit_type, parent_code)
select 'N00R' || lpad(r::text, 2, '0') || 'L' || l, 'LDU ' || r || '.' || l, 'LDU', 'N00R' || lpad(r::text, 2, '0')
from generate_series(1, 10) r, generate_series(1, 5) l;
insert into unit (unit_code, unit_name, unit_type, parent_code)
select 'N00R' || lpad(r::text, 2, '0') || 'L' || l || 'T' || lpad(t::text, 2, '0'), 'Team ' || r || '.' || l || '.' || t,
       'TEAM', 'N00R' || lpad(r::text, 2, '0') || 'L' || l
from generate_series(1, 10) r, generate_series(1, 5) l, generate_series(1, 8) t;

create temporary table bench_team as
select row_number() over (order by unit_code) - 1 as idx, unit_code from unit where unit_type = 'TEAM' and unit_code like 'N00R%';

insert into staff (staff_code, forename, surname, grade, team_code, start_date)
select 'N' || lpad(s::text, 6, '0'), 'Staff', 'Member ' || s, case when s % 10 = 0 then 'SPO' else 'PO' end,
       t.unit_code, date '2015-01-01'
from generate_series(0, 4999) s join bench_team t on t.idx = s % 400;

insert into person (crn, forename, surname, date_of_birth, sex, ethnicity, religion, sexual_orientation, marital_status, restricted)
select 'X' || lpad(p::text, 6, '0'), 'Person', 'Number ' || p, date '1970-01-01' + (p % 15000), 'NOT_RECORDED', 'NOT_RECORDED',
       'NOT_RECORDED', 'NOT_RECORDED', 'NOT_RECORDED', false
from generate_series(1, 250000) p;

create temporary table bench_event as
select i, 'E' || i as event_id, 'X' || lpad((1 + (i % 250000))::text, 6, '0') as crn,
       case when i % 20 < 8 then 'COMMUNITY_ORDER' when i % 20 < 12 then 'SUSPENDED_SENTENCE_ORDER'
            when i % 20 < 17 then 'LICENCE' when i % 20 < 19 then 'POST_SENTENCE_SUPERVISION' else 'CUSTODY' end as event_type,
       cast(:start as date) - 365 + floor(random() * (cast(:end as date) - cast(:start as date) + 366))::int as allocation_date,
       floor(random() * 10)::int as sentence_gap,
       random() as termination_roll, floor(random() * 500)::int as duration, random() as reason_roll,
       floor(random() * 7)::int as first_offset,
       'N' || lpad(((i::bigint * 7919) % 5000)::text, 6, '0') as staff_code
from generate_series(1, 350000) i;

insert into event (event_id, crn, event_type, sentence_date, allocation_date, release_date, expected_end_date,
                   termination_date, termination_reason, staff_code, team_code)
select b.event_id, b.crn, b.event_type,
       b.allocation_date - b.sentence_gap, b.allocation_date,
       case when b.event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') then b.allocation_date end,
       b.allocation_date + 365,
       t.termination_date,
       case when t.termination_date is null then null
            when b.reason_roll < 0.75 then 'COMPLETED' when b.reason_roll < 0.83 then 'REVOKED_BREACH'
            when b.reason_roll < 0.88 then 'REVOKED_FURTHER_OFFENCE' when b.reason_roll < 0.92 then 'RECALLED'
            when b.reason_roll < 0.96 then 'TRANSFERRED_OUT' when b.reason_roll < 0.98 then 'DECEASED' else 'OTHER_NEUTRAL' end,
       b.staff_code, s.team_code
from bench_event b
join staff s on s.staff_code = b.staff_code
cross join lateral (
    select case when b.termination_roll < 0.55 and b.allocation_date + 120 + b.duration <= cast(:end as date)
                then b.allocation_date + 120 + b.duration end as termination_date
) t;

insert into requirement (requirement_id, event_id, requirement_type, length, start_date, termination_date, termination_reason)
select 'R' || e.event_id, e.event_id, 'UNPAID_WORK', 100, e.allocation_date, e.termination_date,
       case when e.termination_reason = 'RECALLED' then 'COMPLETED' else e.termination_reason end
from event e where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER') and e.event_id like 'E%'
  and substr(e.event_id, 2)::int % 2 = 0;
insert into requirement (requirement_id, event_id, requirement_type, length, start_date, termination_date, termination_reason)
select 'P' || e.event_id, e.event_id, 'ACCREDITED_PROGRAMME', 20, e.allocation_date, e.termination_date,
       case when e.termination_reason = 'RECALLED' then 'COMPLETED' else e.termination_reason end
from event e where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER') and e.event_id like 'E%'
  and substr(e.event_id, 2)::int % 7 = 0;

-- Supervision contacts every 6 days from allocation (release) to termination or :end.
insert into contact (contact_id, crn, event_id, requirement_id, staff_code, contact_type, face_to_face, national_standard,
                     arranged_on, contact_at, outcome)
select e.event_id || '-' || k, e.crn, e.event_id, null, e.staff_code,
       case when k % 10 = 5 then 'HOME_VISIT' when k = 0 then 'INITIAL_APPOINTMENT' else 'SUPERVISION' end,
       random() < 0.9, random() < 0.85,
       d - 7, d + time '10:00',
       case when r < 0.70 then 'ATTENDED_COMPLIED' when r < 0.78 then 'ATTENDED_FAILED_TO_COMPLY'
            when r < 0.85 then 'ACCEPTABLE_ABSENCE' when r < 0.93 then 'UNACCEPTABLE_ABSENCE'
            when r < 0.98 then 'RESCHEDULED' else 'NOT_RECORDED' end
from event e
join bench_event b on b.event_id = e.event_id
cross join lateral generate_series(0, (least(coalesce(e.termination_date, cast(:end as date)), cast(:end as date)) - e.allocation_date - b.first_offset) / 6) k
cross join lateral (select e.allocation_date + b.first_offset + k * 6 as d, random() as r) c
where e.event_type <> 'CUSTODY' and e.event_id like 'E%';

-- Unpaid work sessions: twelve, weekly, from a few days after allocation.
insert into contact (contact_id, crn, event_id, requirement_id, staff_code, contact_type, face_to_face, national_standard,
                     arranged_on, contact_at, outcome)
select r.requirement_id || '-' || k, e.crn, e.event_id, r.requirement_id, e.staff_code, 'UNPAID_WORK_SESSION', true, false,
       d - 3, d + time '09:00',
       case when random() < 0.85 then 'ATTENDED_COMPLIED' else 'UNACCEPTABLE_ABSENCE' end
from requirement r
join event e on e.event_id = r.event_id
join bench_event b on b.event_id = e.event_id
cross join lateral generate_series(0, 11) k
cross join lateral (select e.allocation_date + 1 + (b.first_offset * 3) / 2 + k * 7 as d) c
where r.requirement_type = 'UNPAID_WORK' and r.requirement_id like 'RE%' and c.d <= cast(:end as date);

insert into plan (plan_id, event_id, plan_type, completed_date, agreed_with_person)
select 'SP' || e.event_id, e.event_id, 'SENTENCE_PLAN',
       case when random() < 0.95 then e.allocation_date + 5 + floor(random() * 20)::int end, true
from event e where e.event_type <> 'CUSTODY' and e.event_id like 'E%';
insert into plan (plan_id, event_id, plan_type, completed_date, agreed_with_person)
select 'RP' || e.event_id, e.event_id, 'RESETTLEMENT_PLAN',
       case when random() < 0.95 then e.sentence_date + floor(random() * 16)::int end, true
from event e where e.event_type in ('CUSTODY', 'LICENCE', 'POST_SENTENCE_SUPERVISION') and e.event_id like 'E%';

insert into referral (referral_id, event_id, referral_type, aware_date, referred_date, usable_without_more_information, outcome)
select 'B' || e.event_id, e.event_id, 'BREACH', a.aware, a.aware + floor(random() * 13)::int, random() < 0.9, 'PENDING'
from event e
cross join lateral (select e.allocation_date + 60 + floor(random() * 200)::int as aware) a
where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'POST_SENTENCE_SUPERVISION')
  and e.event_id like 'E%' and substr(e.event_id, 2)::int % 9 = 0 and a.aware + 12 <= cast(:end as date);
insert into referral (referral_id, event_id, referral_type, aware_date, referred_date, usable_without_more_information, outcome)
select 'C' || e.event_id, e.event_id, 'RECALL', a.aware, a.aware + floor(random() * 3)::int, random() < 0.9, 'PENDING'
from event e
cross join lateral (select e.allocation_date + 30 + floor(random() * 200)::int as aware) a
where e.event_type = 'LICENCE' and e.event_id like 'E%' and substr(e.event_id, 2)::int % 8 = 0
  and a.aware + 2 <= cast(:end as date);

insert into accommodation (event_id, status)
select e.event_id, case when r < 0.6 then 'SETTLED' when r < 0.88 then 'TEMPORARY' when r < 0.95 then 'NO_FIXED_ABODE' else 'UNKNOWN' end
from event e cross join lateral (select random() as r) x
where e.event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') and e.event_id like 'E%';
