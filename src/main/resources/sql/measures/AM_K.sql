-- AM_K: for each month, CO, SSO, LICENCE and PSS events active for the whole month (start
-- on or before its first day, no termination on or before its last day); met with an
-- offered face-to-face national standard contact dated in the month. Months run from the
-- first whole month to the month before termination or, while active, to the horizon of
-- the last full recomputation (measure_event.monthly_contact_first and _last, from the
-- functions of the same names); only those from :from to :to are listed.
-- Not stored case by case: summed into measure_cell by monthly_cells.sql, in one pass with
-- attendance, and listed from here when asked.
select 'AM_K', m.month, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when cm.offered_face_to_face then 1 else 0 end, 1,
       case when cm.offered_face_to_face then 'face-to-face contact in the month'
            else 'no face-to-face national standard contact in the month' end
from measure_event e
cross join lateral (
    select cast(s as date) as month
    from generate_series(greatest(e.monthly_contact_first, cast(:from as date)),
                         least(e.monthly_contact_last, cast(:to as date)), interval '1 month') as s
) as m
left join measure_contact_month cm on cm.event_id = e.event_id and cm.month = m.month
     and cm.month between cast(:from as date) and cast(:to as date)
where e.monthly_contact_first <= cast(:to as date) and e.monthly_contact_last >= cast(:from as date) and {{events}}
