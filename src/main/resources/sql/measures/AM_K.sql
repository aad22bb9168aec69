-- AM_K: for each month, CO, SSO, LICENCE and PSS events active for the whole month (start
-- on or before its first day, no termination on or before its last day); met with an
-- offered face-to-face national standard contact dated in the month. Months run from the
-- first whole month to the month before termination or, while active, to the horizon of
-- the last full recomputation; only those from :from to :to are listed.
-- Not stored case by case: summed into measure_cell, and listed from here when asked.
select 'AM_K', m.month, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when cm.offered_face_to_face then 1 else 0 end, 1,
       case when cm.offered_face_to_face then 'face-to-face contact in the month'
            else 'no face-to-face national standard contact in the month' end
from (
    select ev.*, case when ev.event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') then ev.release_date else ev.allocation_date end as start_date
    from measure_event ev
) e
cross join lateral (
    select cast(s as date) as month
    from generate_series(
        greatest(case when e.start_date = date_trunc('month', e.start_date)::date then e.start_date
                      else (date_trunc('month', e.start_date) + interval '1 month')::date end,
                 cast(:from as date)),
        least(coalesce((date_trunc('month', e.termination_date) - interval '1 month')::date,
                       (select horizon from measure_state)),
              cast(:to as date)),
        interval '1 month') as s
) as m
left join measure_contact_month cm on cm.event_id = e.event_id and cm.month = m.month
     and cm.month between cast(:from as date) and cast(:to as date)
where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'LICENCE', 'POST_SENTENCE_SUPERVISION')
  and e.start_date is not null and e.start_date < cast(:to as date) + interval '1 month'
  and (e.termination_date is null or e.termination_date > cast(:from as date)) and {{events}}
