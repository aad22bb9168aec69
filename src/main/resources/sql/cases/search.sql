-- People on probation within a user's scope, with their latest event (newest sentence).
-- Restricted people whom the user may not open keep only their CRN: name, date of birth,
-- team and event are blanked here, and they sort by blanks, so that neither the page nor
-- its order says anything about them.
-- Placeholders filled in by CaseSearches: /*FILTER*/ (name or CRN) and /*ORDER*/.
with scoped as (
    select p.crn, p.forename, p.surname, p.date_of_birth, p.restricted,
           (not p.restricted or :anyRestricted
            or exists (select 1 from event s where s.crn = p.crn and s.staff_code = :ownStaff)) as may_open
    from person p
    where :everything
       or exists (select 1 from event e where e.crn = p.crn and e.team_code = any (:teams))
       or exists (select 1 from event e where e.crn = p.crn and e.staff_code = :scopeStaff)
),
found as (
    select c.crn, c.may_open, c.restricted,
           case when c.may_open then c.forename end as forename,
           case when c.may_open then c.surname end as surname,
           case when c.may_open then c.date_of_birth end as date_of_birth,
           case when c.may_open then le.event_type end as event_type,
           case when c.may_open then le.sentence_date end as sentence_date,
           case when c.may_open then le.team_code end as team_code,
           case when c.may_open then u.unit_name end as team_name
    from scoped c
    left join lateral (
        select e.event_type, e.sentence_date, e.team_code from event e
        where e.crn = c.crn
        order by e.sentence_date desc, e.event_id desc
        limit 1
    ) le on true
    left join estate_unit u on u.unit_code = le.team_code
    where true /*FILTER*/
)
select f.*, count(*) over () as total
from found f
order by /*ORDER*/
limit :limit offset :offset
