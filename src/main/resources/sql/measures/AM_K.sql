-- AM_K: for each month, CO, SSO, LICENCE and PSS events active for the whole month (start
-- on or before its first day, no termination on or before its last day); met with an
-- offered face-to-face national standard contact dated in the month. Months run from the
-- first whole month to the month before termination or, while active, to :horizon.
insert into measure_case (measure_code, month, event_id, subject_id, crn, team_code, staff_code, numerator, denominator, reason)
select 'AM_K', m.month, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when cm.event_id is not null then 1 else 0 end, 1,
       case when cm.event_id is not null then 'face-to-face contact in the month'
            else 'no face-to-face national standard contact in the month' end
from (
    select ev.*, case when ev.event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') then ev.release_date else ev.allocation_date end as start_date
    from event ev
) e
cross join lateral generate_series(
    case when e.start_date = date_trunc('month', e.start_date)::date then e.start_date
         else (date_trunc('month', e.start_date) + interval '1 month')::date end,
    coalesce((date_trunc('month', e.termination_date) - interval '1 month')::date, cast(:horizon as date)),
    interval '1 month') as m(month)
left join measure_contact_month cm on cm.event_id = e.event_id and cm.month = m.month and cm.offered_face_to_face
where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'LICENCE', 'POST_SENTENCE_SUPERVISION')
  and e.start_date is not null and {{events}}
