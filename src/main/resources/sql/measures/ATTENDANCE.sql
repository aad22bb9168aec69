-- ATTENDANCE: national standard contacts dated in the period that were attended or missed
-- without an acceptable reason; one row per event and month, for the months :from to :to.
-- Not stored case by case: summed into measure_cell by monthly_cells.sql, in one pass with
-- monthly contact, and listed from here when asked.
select 'ATTENDANCE', cm.month, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       cm.attended, cm.counted,
       'attended ' || cm.attended || ' of ' || cm.counted || case when cm.counted = 1 then ' appointment' else ' appointments' end
from measure_contact_month cm
join measure_event e on e.event_id = cm.event_id
where cm.counted > 0 and cm.month between cast(:from as date) and cast(:to as date) and {{events}}
