-- People on probation within a user's scope (candidates), searched, sorted and paged.
-- A restricted person whom the user may not open keeps only their CRN: name, date of birth,
-- team and event are blanked, and the blanks sort last, so that neither the page nor its
-- order says anything about them.
-- CaseSearches fills in the placeholder comments: SCOPE (the CRNs the user may see),
-- LATEST (the latest event of every candidate, only when the sort needs it) and FILTER;
-- it adds the order and page for the page of CRNs, or wraps the query to count them.
with scoped as (
    /*SCOPE*/
),
candidates as (
    select p.crn, p.forename, p.surname, p.date_of_birth, p.restricted,
           /*MAY_OPEN*/ as may_open
    from person p join scoped on scoped.crn = p.crn
)
select c.crn
from candidates c
/*LATEST*/
where true /*FILTER*/
