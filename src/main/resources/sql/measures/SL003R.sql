-- SL003R: CO and SSO events with a first attended face-to-face contact F, counted in the month
-- of BD(F, 15) (the plan fell due); met with a SENTENCE_PLAN completed on or before it.
select 'SL003R', date_trunc('month', due.day)::date, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when p.completed <= due.day then 1 else 0 end, 1,
       case when p.completed is null then 'no plan completed (due ' || measure_date(due.day) || ')'
            when p.completed <= due.day then 'plan completed ' || measure_date(p.completed) || ', due ' || measure_date(due.day)
            when cp.seq > due.seq then 'plan completed ' || measure_business_days(cp.seq - due.seq) || ' late'
            else 'plan completed ' || measure_date(p.completed) || ', after it fell due on ' || measure_date(due.day)
       end,
       -- the due date, for deadlines before they are missed (ServiceDeadlines)
       due.day
from case_event e
join (select event_id, first_attended as first_day from measure_contact_first where first_attended is not null) f
  on f.event_id = e.event_id
join business_calendar cf on cf.day = f.first_day
join business_calendar due on due.business_day and due.seq = cf.seq + 15
left join (
    select pl.event_id, min(pl.completed_date) as completed from case_plan pl
    where pl.plan_type = 'SENTENCE_PLAN' and pl.completed_date is not null
      -- the plans of the events computed only: the join would not narrow the sum
      and {{events_of:pl}}
    group by pl.event_id
) p on p.event_id = e.event_id
left join business_calendar cp on cp.day = p.completed
where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER') and {{events}}
