-- The rows of one page of the case list: the person and their latest event (newest
-- sentence), blanked for a restricted person the user may not open.
select p.crn, c.may_open, p.restricted,
       case when c.may_open then p.forename end as forename,
       case when c.may_open then p.surname end as surname,
       case when c.may_open then p.date_of_birth end as date_of_birth,
       case when c.may_open then le.event_type end as event_type,
       case when c.may_open then le.sentence_date end as sentence_date,
       case when c.may_open then le.team_code end as team_code,
       case when c.may_open then u.unit_name end as team_name
from person p
join lateral (
    select /*MAY_OPEN*/ as may_open
) c on true
left join lateral (
    select e.event_type, e.sentence_date, e.team_code from event e
    where e.crn = p.crn
    order by e.sentence_date desc, e.event_id desc
    limit 1
) le on true
left join estate_unit u on u.unit_code = le.team_code
where p.crn in (:crns)
