-- SL002R: LICENCE events released in the period; met with an offered face-to-face
-- contact dated from release to BD(release, 1) inclusive.
select 'SL002R', date_trunc('month', e.release_date)::date, e.event_id, e.event_id, e.crn, e.team_code, e.staff_code,
       case when f.first_day <= due.day then 1 else 0 end, 1,
       case when f.first_day is null then 'no face-to-face contact within 1 business day of release'
            when f.first_day = e.release_date then 'first face-to-face contact on the day of release'
            else 'first face-to-face contact ' || measure_business_days(cf.seq - cr.seq) || ' after release'
                 || case when f.first_day > due.day then ' (due by ' || measure_date(due.day) || ')' else '' end
       end,
       -- the due date, for deadlines before they are missed (ServiceDeadlines)
       due.day
from case_event e
join business_calendar cr on cr.day = e.release_date
join business_calendar due on due.business_day and due.seq = cr.seq + 1
left join (select event_id, first_after_release as first_day from measure_contact_first) f on f.event_id = e.event_id
left join business_calendar cf on cf.day = f.first_day
where e.event_type = 'LICENCE' and e.release_date is not null and {{events}}
