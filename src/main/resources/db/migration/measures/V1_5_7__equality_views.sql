-- Published for the equality module (equality.md): every case row the measures count, as
-- the drill-downs list them, for the months from_month to to_month (first days), with the
-- event's team and practitioner as last counted.
--
-- A function rather than a view: a full recomputation replaces measure_contact_month by
-- dropping it, which a view over it would forbid. A SQL function's body records no
-- dependency, and PostgreSQL writes this one into the calling query (stable, not strict,
-- one select), so conditions on team, practitioner or person reach the tables' indexes.
-- Monthly contact (AM_K) and attendance are one row per event and month, as in
-- sql/measures/AM_K.sql and ATTENDANCE.sql.
create function equality_case_rows(from_month date, to_month date)
returns table (measure_code text, month date, event_id text, crn char(7), team_code varchar(12), staff_code char(7),
               numerator integer, denominator integer)
language sql stable parallel safe as $$
    select mc.measure_code, mc.month, mc.event_id, mc.crn, e.team_code, e.staff_code, mc.numerator, mc.denominator
    from measure_case mc
    join measure_event e on e.event_id = mc.event_id
    where mc.month between from_month and to_month
    union all
    select 'AM_K', cast(m.month as date), e.event_id, e.crn, e.team_code, e.staff_code,
           case when cm.offered_face_to_face then 1 else 0 end, 1
    from measure_event e
    cross join lateral generate_series(greatest(e.monthly_contact_first, from_month),
                                       least(e.monthly_contact_last, to_month), interval '1 month') as m(month)
    left join measure_contact_month cm on cm.event_id = e.event_id and cm.month = cast(m.month as date)
         and cm.month between from_month and to_month
    where e.monthly_contact_first <= to_month and e.monthly_contact_last >= from_month
    union all
    select 'ATTENDANCE', cm.month, e.event_id, e.crn, e.team_code, e.staff_code, cm.attended, cm.counted
    from measure_contact_month cm
    join measure_event e on e.event_id = cm.event_id
    where cm.counted > 0 and cm.month between from_month and to_month
$$;

-- The catalogue, and the version every recomputation moves on (for readers' caches).
create view equality_measure as
select code, title, ordinal from measure;

create view equality_measure_version as
select version from measure_state;
