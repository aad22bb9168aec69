-- Unacceptable absences on the events of the practitioners (:staff) from :from to :today
-- with no breach referral on the event made on or after the absence: each is a breach
-- referral to make, due by BD(absence, 8) as AM_E counts it (Probity's reading: the
-- provider becomes aware of the failure on the day of the absence). Only events that can
-- be breached (CO, SSO, PSS: referrals.csv) and are not terminated.
select e.event_id, e.crn, e.staff_code, e.team_code, c.contact_id, c.contact_at::date as absence_date, due.day as due_date
from case_contact c
join case_event e on e.event_id = c.event_id
join business_calendar ca on ca.day = c.contact_at::date
join business_calendar due on due.business_day and due.seq = ca.seq + 8
where c.outcome = 'UNACCEPTABLE_ABSENCE'
  -- (the months too, so that the index of contacts by event and month narrows them: at
  -- national scale 480 ms without, much of it PostgreSQL's JIT compiling for the cost it
  -- expected, 45 ms with)
  and date_trunc('month', c.contact_at)::date between date_trunc('month', cast(:from as date))::date
                                                  and date_trunc('month', cast(:today as date))::date
  and c.contact_at >= :from and c.contact_at < cast(:today as date) + 1
  -- (char(7)[] as the column is, so that the index of events by practitioner is used)
  and e.staff_code = any(cast(:staff as char(7)[]))
  and e.event_type in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'POST_SENTENCE_SUPERVISION')
  and (e.termination_date is null or e.termination_date > :today)
  and not exists (
      select 1 from case_referral f
      where f.event_id = e.event_id and f.referral_type = 'BREACH' and f.referred_date >= c.contact_at::date
  )
order by c.contact_at, e.crn, c.contact_id
