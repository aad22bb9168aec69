-- SL013: CUSTODY, LICENCE and PSS events counted in the month of BD(sentence_date, 10);
-- met with a RESETTLEMENT_PLAN completed on or before it.
select 'SL013', date_trunc('month', due.day)::date, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when p.completed <= due.day then 1 else 0 end, 1,
       case when p.completed is null then 'no resettlement plan completed (due ' || measure_date(due.day) || ')'
            when p.completed <= due.day then 'resettlement plan completed ' || measure_date(p.completed) || ', due ' || measure_date(due.day)
            when cp.seq > due.seq then 'resettlement plan completed ' || measure_business_days(cp.seq - due.seq) || ' late'
            else 'resettlement plan completed ' || measure_date(p.completed) || ', after it fell due on ' || measure_date(due.day)
       end,
       -- the due date, for deadlines before they are missed (ServiceDeadlines)
       due.day
from case_event e
join business_calendar cs on cs.day = e.sentence_date
join business_calendar due on due.business_day and due.seq = cs.seq + 10
left join (
    select pl.event_id, min(pl.completed_date) as completed from case_plan pl
    where pl.plan_type = 'RESETTLEMENT_PLAN' and pl.completed_date is not null
      -- the plans of the events computed only: the join would not narrow the sum
      and {{events_of:pl}}
    group by pl.event_id
) p on p.event_id = e.event_id
left join business_calendar cp on cp.day = p.completed
where e.event_type in ('CUSTODY', 'LICENCE', 'POST_SENTENCE_SUPERVISION') and {{events}}
