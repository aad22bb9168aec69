-- SL011R: ACCREDITED_PROGRAMME requirements terminated in the period, neutral terminations
-- left out; met when COMPLETED.
select 'SL011R', date_trunc('month', r.termination_date)::date, e.event_id, r.requirement_id, e.crn, e.team_code, e.staff_code,
       case when r.termination_reason = 'COMPLETED' then 1 else 0 end, 1,
       case when r.termination_reason = 'COMPLETED' then 'completed' else 'terminated: ' || r.termination_reason end
from case_requirement r
join case_event e on e.event_id = r.event_id
where r.requirement_type = 'ACCREDITED_PROGRAMME' and r.termination_date is not null
  and r.termination_reason not in ('TRANSFERRED_OUT', 'DECEASED', 'OTHER_NEUTRAL') and {{events}}
