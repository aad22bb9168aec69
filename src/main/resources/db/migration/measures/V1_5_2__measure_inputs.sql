-- What the measures read, kept between imports so that an import changes only the figures
-- it touches (BENCHMARKS.md, "Service-level measures"). All of it is recomputed from the
-- case data: unlogged, and recomputed at start-up when found empty, as after a crash.

-- The contacts of an event in month order, with what the measures read of each contact,
-- so that the monthly contact summary is read from the index alone, already grouped.
-- Replaces contact_event (event_id, contact_at): the case page and the import checks
-- look contacts up by event through this one.
drop index contact_event;
create index contact_event on contact (event_id, (date_trunc('month', contact_at)::date))
    include (contact_at, face_to_face, national_standard, outcome);

-- The events as the measures last counted them: monthly contact (AM_K) and attendance
-- are not stored case by case but summed from here and measure_contact_month, so an
-- import subtracts what an event counted before it changed.
create unlogged table measure_event (
    event_id text primary key,
    crn char(7) not null,
    event_type text not null,
    allocation_date date not null,
    release_date date,
    termination_date date,
    team_code varchar(12) not null,
    staff_code char(7) not null
);

-- Per event and month: an offered face-to-face national standard contact (AM_K), the
-- attended and counted national standard appointments (ATTENDANCE), and the first
-- offered and first attended face-to-face contact of the month (first contacts).
create unlogged table measure_contact_month (
    event_id text not null,
    month date not null,
    offered_face_to_face boolean not null,
    attended integer not null,
    counted integer not null,
    first_offered date,
    first_attended date,
    primary key (event_id, month)
);
-- a contacts import replaces its months
create index measure_contact_month_month on measure_contact_month (month);

-- Per event: the first offered face-to-face contact on or after allocation and on or after
-- release, and the first attended face-to-face contact (F of SL003R and SL004R).
create unlogged table measure_contact_first (
    event_id text primary key,
    first_after_allocation date,
    first_after_release date,
    first_attended date
);

-- Monthly totals per measure, team and practitioner: the unit totals are sums of these,
-- and so are the practitioner totals (a practitioner's cases are nearly always in one
-- team, so these are as many rows as practitioner totals would be).
create unlogged table measure_cell (
    measure_code text not null,
    month date not null,
    team_code varchar(12) not null,
    staff_code char(7) not null,
    numerator bigint not null,
    denominator bigint not null,
    primary key (staff_code, measure_code, month, team_code)
);

-- The last month monthly contact counts active events up to, fixed at each full
-- recomputation so that a drill-down lists the cases the totals counted; and a version
-- that every recomputation moves on, so that any node can tell whether what it read
-- before is still current.
create table measure_state (
    singleton boolean primary key default true check (singleton),
    horizon date,
    computed_at timestamptz,
    version bigint not null default 0
);
insert into measure_state (horizon) values (null);

-- Per-case rows are kept for every measure but AM_K and ATTENDANCE (see above).
truncate measure_case, measure_unit_result;

-- The first offered face-to-face contact of an event on or after a day, looked up in the
-- month of that day: the monthly summary holds only the month's first, which may be
-- earlier than the day.
create function measure_first_offered(event text, from_day date) returns date
language sql stable parallel safe as $$
    select min(c.contact_at)::date from contact c
    where c.event_id = event and date_trunc('month', c.contact_at)::date = date_trunc('month', from_day)::date
      and c.contact_at >= from_day and c.face_to_face and c.outcome <> 'RESCHEDULED'
$$;

-- Drill-downs find a unit's or practitioner's cases through the events as counted.
create index measure_event_team on measure_event (team_code);
create index measure_event_staff on measure_event (staff_code);
drop index measure_case_team, measure_case_staff;
-- Results are read by unit or practitioner, never by month alone.
drop index measure_unit_result_month;
drop table measure_staff_result;
create view measure_staff_result as
select measure_code, month, staff_code, sum(numerator) as numerator, sum(denominator) as denominator
from measure_cell
group by measure_code, month, staff_code;

-- A contacts import brings recent months: their contacts are found by date in the blocks
-- the import appended.
create index contact_when on contact using brin (contact_at);
