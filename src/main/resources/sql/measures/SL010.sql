-- SL010: UNPAID_WORK requirements terminated in the period, neutral terminations left out;
-- met when COMPLETED on or before the sentence date plus 12 calendar months (PostgreSQL's
-- month arithmetic keeps the day of month and clamps 29 February to 28 February).
select 'SL010', date_trunc('month', r.termination_date)::date, e.event_id, r.requirement_id, e.crn, e.team_code, e.staff_code,
       case when r.termination_reason = 'COMPLETED' and r.termination_date <= (e.sentence_date + interval '12 months')::date then 1 else 0 end, 1,
       case when r.termination_reason <> 'COMPLETED' then 'terminated: ' || r.termination_reason
            when r.termination_date <= (e.sentence_date + interval '12 months')::date then 'completed within 12 months of sentence'
            else 'completed ' || measure_date(r.termination_date) || ', more than 12 months after sentence on ' || measure_date(e.sentence_date)
       end
from case_requirement r
join case_event e on e.event_id = r.event_id
where r.requirement_type = 'UNPAID_WORK' and r.termination_date is not null
  and r.termination_reason not in ('TRANSFERRED_OUT', 'DECEASED', 'OTHER_NEUTRAL') and {{events}}
