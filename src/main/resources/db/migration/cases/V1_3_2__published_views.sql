-- Views the cases module publishes for other modules' SQL. The visibility rule
-- (estate.Visibility) decides who may see which case from who holds it and whether it is
-- restricted; it reads these, never the tables.
create view case_event_holder as
select crn, event_id, team_code, staff_code from event;

create view case_restriction as
select crn, restricted from person;

-- Restricted (limited-access) people are few: every list asks which of its CRNs they are.
create index person_restricted on person (crn) where restricted;
