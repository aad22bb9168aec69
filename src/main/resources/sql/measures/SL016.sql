-- SL016: BREACH referrals made in the period; met when usable without more information.
select 'SL016', date_trunc('month', f.referred_date)::date, e.event_id, f.referral_id, e.crn, e.team_code, e.staff_code,
       case when f.usable_without_more_information then 1 else 0 end, 1,
       case when f.usable_without_more_information then 'usable without more information'
            else 'the authority needed more information' end
from case_referral f
join case_event e on e.event_id = f.event_id
where f.referral_type = 'BREACH' and {{events}}
