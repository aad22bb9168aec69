-- ATTENDANCE: national standard contacts dated in the period that were attended or missed
-- without an acceptable reason; one row per event and month.
insert into measure_case (measure_code, month, event_id, subject_id, crn, team_code, staff_code, numerator, denominator, reason)
select 'ATTENDANCE', cm.month, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       cm.attended, cm.counted,
       'attended ' || cm.attended || ' of ' || cm.counted || case when cm.counted = 1 then ' appointment' else ' appointments' end
from measure_contact_month cm
join event e on e.event_id = cm.event_id
where cm.counted > 0 and {{events}}
