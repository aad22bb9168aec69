-- SL018: RECALL referrals made in the period; met when referred on or before BD(aware_date, 1).
select 'SL018', date_trunc('month', f.referred_date)::date, e.event_id, f.referral_id, e.crn, e.team_code, e.staff_code,
       case when f.referred_date <= due.day then 1 else 0 end, 1,
       case when f.referred_date <= f.aware_date then 'referred on the day of becoming aware'
            else 'referred ' || measure_business_days(cr.seq - ca.seq) || ' after becoming aware'
                 || case when f.referred_date > due.day and cr.seq - ca.seq <= 1 then ' (due by ' || measure_date(due.day) || ')' else '' end
       end
from case_referral f
join case_event e on e.event_id = f.event_id
join business_calendar ca on ca.day = f.aware_date
join business_calendar due on due.business_day and due.seq = ca.seq + 1
join business_calendar cr on cr.day = f.referred_date
where f.referral_type = 'RECALL' and {{events}}
