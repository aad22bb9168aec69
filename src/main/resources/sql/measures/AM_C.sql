-- AM_C: LICENCE and PSS events released in the period with a known accommodation status;
-- met when SETTLED or TEMPORARY on the night after release.
select 'AM_C', date_trunc('month', e.release_date)::date, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when a.status in ('SETTLED', 'TEMPORARY') then 1 else 0 end, 1,
       'accommodation on release: ' || replace(lower(a.status), '_', ' ')
from case_event e
join case_accommodation a on a.event_id = e.event_id
where e.event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') and e.release_date is not null
  and a.status <> 'UNKNOWN' and {{events}}
