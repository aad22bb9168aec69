-- SL008: CO and SSO events terminated in the period, neutral terminations left out;
-- met when COMPLETED.
select 'SL008', date_trunc('month', e.termination_date)::date, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when e.termination_reason = 'COMPLETED' then 1 else 0 end, 1,
       case when e.termination_reason = 'COMPLETED' then 'completed' else 'terminated: ' || e.termination_reason end
from case_event e
where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER') and e.termination_date is not null
  and e.termination_reason not in ('TRANSFERRED_OUT', 'DECEASED', 'OTHER_NEUTRAL') and {{events}}
