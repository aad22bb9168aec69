-- Monthly contact (AM_K) and attendance summed per month, team and practitioner: what the
-- rows of AM_K.sql and ATTENDANCE.sql add up to (MonthlyCellsTests holds them equal), in
-- one pass over the monthly contact summaries rather than a join of every event's months
-- with them. Months :from to :to, events (alias e) meeting {{events}}.
select x.measure_code, coalesce(s.month, a.month) as month, coalesce(s.team_code, a.team_code) as team_code,
       coalesce(s.staff_code, a.staff_code) as staff_code, x.numerator, x.denominator
from (
    -- per cell: offered face-to-face contacts in months AM_K counts, and the attended and
    -- counted appointments
    select cm.month, e.team_code, e.staff_code,
           count(*) filter (where cm.offered_face_to_face and cm.month between e.monthly_contact_first and e.monthly_contact_last) as offered,
           sum(cm.attended) as attended, sum(cm.counted) as counted
    from measure_contact_month cm
    join measure_event e on e.event_id = cm.event_id
    where cm.month between cast(:from as date) and cast(:to as date) and {{events}}
    group by 1, 2, 3
) s
full join (
    -- per cell: the events AM_K counts in the month
    select cast(m as date) as month, e.team_code, e.staff_code, count(*) as events
    from measure_event e
    cross join lateral generate_series(greatest(e.monthly_contact_first, cast(:from as date)), least(e.monthly_contact_last, cast(:to as date)),
                                       interval '1 month') as m
    where e.monthly_contact_first <= cast(:to as date) and e.monthly_contact_last >= cast(:from as date) and {{events}}
    group by 1, 2, 3
) a on a.month = s.month and a.team_code = s.team_code and a.staff_code = s.staff_code
cross join lateral (
    values ('AM_K', coalesce(s.offered, 0), a.events), ('ATTENDANCE', s.attended, s.counted)
) as x(measure_code, numerator, denominator)
where (x.measure_code = 'AM_K' and a.events is not null) or (x.measure_code = 'ATTENDANCE' and s.counted > 0)
