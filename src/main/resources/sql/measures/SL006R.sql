-- SL006R: UNPAID_WORK requirements whose event was allocated in the period; met with an
-- offered UNPAID_WORK_SESSION contact of the requirement dated from allocation to
-- BD(allocation, 7) inclusive.
select 'SL006R', date_trunc('month', e.allocation_date)::date, e.event_id, r.requirement_id, e.crn, e.team_code, e.staff_code,
       case when f.first_day <= due.day then 1 else 0 end, 1,
       case when f.first_day is null then 'no unpaid work session arranged within 7 business days of allocation'
            when f.first_day = e.allocation_date then 'first unpaid work session on the day of allocation'
            else 'first unpaid work session ' || measure_business_days(cf.seq - ca.seq) || ' after allocation'
                 || case when f.first_day > due.day then ' (due by ' || measure_date(due.day) || ')' else '' end
       end,
       -- the due date, for deadlines before they are missed (ServiceDeadlines)
       due.day
from case_requirement r
join case_event e on e.event_id = r.event_id
join business_calendar ca on ca.day = e.allocation_date
join business_calendar due on due.business_day and due.seq = ca.seq + 7
left join lateral (
    select min(c.contact_at)::date as first_day from case_contact c
    where c.requirement_id = r.requirement_id and c.contact_type = 'UNPAID_WORK_SESSION'
      and c.outcome <> 'RESCHEDULED' and c.contact_at >= e.allocation_date
) f on true
left join business_calendar cf on cf.day = f.first_day
where r.requirement_type = 'UNPAID_WORK' and {{events}}
