-- The months monthly contact (AM_K) counts an event in, worked out when the event is
-- counted (measure_event.monthly_contact_first and _last), and read from there both by
-- the rows a drill-down lists (sql/measures/AM_K.sql) and by the cells summed in one pass
-- (sql/measures/monthly_cells.sql).

-- The first whole month from a day: its own month when it is the first of the month.
create function measure_first_whole_month(day date) returns date
language sql immutable parallel safe as $$
    select case when day = date_trunc('month', day::timestamp)::date then day
                else (date_trunc('month', day::timestamp) + interval '1 month')::date end
$$;

-- The first month counted: CO and SSO events from allocation, LICENCE and PSS events from
-- release, each from its first whole month. Null for other events.
create function measure_monthly_contact_first(event_type text, allocation_date date, release_date date)
returns date language sql immutable parallel safe as $$
    select case when event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER') then measure_first_whole_month(allocation_date)
                when event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') then measure_first_whole_month(release_date) end
$$;

-- The last month counted: the month before the month of termination or, while active, the
-- horizon (the last month a full recomputation counts).
create function measure_monthly_contact_last(termination_date date, horizon date) returns date
language sql immutable parallel safe as $$
    select coalesce((date_trunc('month', termination_date::timestamp) - interval '1 month')::date, horizon)
$$;

-- Each event's months, kept with the event as last counted, so that they are worked out
-- once per event rather than once per event and month.
alter table measure_event add column monthly_contact_first date, add column monthly_contact_last date;
update measure_event set monthly_contact_first = measure_monthly_contact_first(event_type, allocation_date, release_date),
                         monthly_contact_last = measure_monthly_contact_last(termination_date, (select horizon from measure_state));

-- A practitioner works in one team: without this PostgreSQL takes every (team, practitioner)
-- pair for a cell, expects millions of cells where there are thousands, and sums them
-- without its parallel workers.
create statistics measure_event_cell (ndistinct) on team_code, staff_code from measure_event;
