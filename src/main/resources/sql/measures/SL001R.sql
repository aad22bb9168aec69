-- SL001R: CO and SSO events allocated in the period; met with an offered face-to-face
-- contact dated from allocation to BD(allocation, 5) inclusive.
select 'SL001R', date_trunc('month', e.allocation_date)::date, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when f.first_day <= due.day then 1 else 0 end, 1,
       case when f.first_day is null then 'no face-to-face contact within 5 business days of allocation'
            when f.first_day = e.allocation_date then 'first face-to-face contact on the day of allocation'
            else 'first face-to-face contact ' || measure_business_days(cf.seq - ca.seq) || ' after allocation'
                 || case when f.first_day > due.day then ' (due by ' || measure_date(due.day) || ')' else '' end
       end,
       -- the due date, for deadlines before they are missed (ServiceDeadlines)
       due.day
from case_event e
join business_calendar ca on ca.day = e.allocation_date
join business_calendar due on due.business_day and due.seq = ca.seq + 5
left join (select event_id, first_after_allocation as first_day from measure_contact_first) f on f.event_id = e.event_id
left join business_calendar cf on cf.day = f.first_day
where e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER') and {{events}}
