-- AM_J: LICENCE and PSS events terminated in the period, neutral terminations left out;
-- met when COMPLETED.
select 'AM_J', date_trunc('month', e.termination_date)::date, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when e.termination_reason = 'COMPLETED' then 1 else 0 end, 1,
       case when e.termination_reason = 'COMPLETED' then 'completed' else 'terminated: ' || e.termination_reason end
from case_event e
where e.event_type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') and e.termination_date is not null
  and e.termination_reason not in ('TRANSFERRED_OUT', 'DECEASED', 'OTHER_NEUTRAL') and {{events}}
